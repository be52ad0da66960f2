#pragma once

#include <QLoggingCategory>

/** The one logging category of gengxin_app ("gx.app"). */
Q_DECLARE_LOGGING_CATEGORY(lcApp)

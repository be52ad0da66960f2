#pragma once

#include <QLoggingCategory>

/** The one logging category of gengxin_store ("gx.store"). */
Q_DECLARE_LOGGING_CATEGORY(lcStore)

#pragma once

#include <QLoggingCategory>

/** The one logging category of gengxin_core ("gx.core"). */
Q_DECLARE_LOGGING_CATEGORY(lcCore)

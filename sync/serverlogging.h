#pragma once

#include <QLoggingCategory>

/** The one logging category of gengxin_sync ("gx.server"): requests, commands, storage. */
Q_DECLARE_LOGGING_CATEGORY(lcServer)

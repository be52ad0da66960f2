#pragma once

#include <QLoggingCategory>

/** The one logging category of gengxin_server_api ("gx.server.api"): the HTTP calls and logins. */
Q_DECLARE_LOGGING_CATEGORY(lcApi)

#pragma once

#include <QLoggingCategory>

/** The one logging category of gengxin_server_http ("gx.server.http"): the listener, TLS and the
 * request log. */
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

#pragma once

#include <QLoggingCategory>

/** The one logging category of gengxin_server_figures ("gx.server.figures"): the figures' queries.
 */
Q_DECLARE_LOGGING_CATEGORY(lcFigures)

#pragma once

#include <QLoggingCategory>

/** The one logging category of gengxin_server_cli ("gx.server.cli"): the commands. */
Q_DECLARE_LOGGING_CATEGORY(lcCli)

#pragma once

#include <QLoggingCategory>

/** The one logging category of gengxin_server_store ("gx.server.store"): connections, migrations,
 * checkpoints. */
Q_DECLARE_LOGGING_CATEGORY(lcServerDb)

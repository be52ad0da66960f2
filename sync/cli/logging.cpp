#include "sync/cli/logging.h"

Q_LOGGING_CATEGORY(lcCli, "gx.server.cli", QtInfoMsg)

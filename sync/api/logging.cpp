#include "sync/api/logging.h"

Q_LOGGING_CATEGORY(lcApi, "gx.server.api", QtInfoMsg)

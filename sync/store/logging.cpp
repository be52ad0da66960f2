#include "sync/store/logging.h"

Q_LOGGING_CATEGORY(lcServerDb, "gx.server.store", QtInfoMsg)

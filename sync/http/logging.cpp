#include "sync/http/logging.h"

Q_LOGGING_CATEGORY(lcHttp, "gx.server.http", QtInfoMsg)

#include "sync/serverlogging.h"

Q_LOGGING_CATEGORY(lcServer, "gx.server", QtInfoMsg)

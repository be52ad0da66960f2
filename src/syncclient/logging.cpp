#include "syncclient/logging.h"

Q_LOGGING_CATEGORY(lcSync, "gx.syncclient", QtInfoMsg)

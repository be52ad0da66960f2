#include "store/logging.h"

Q_LOGGING_CATEGORY(lcStore, "gx.store", QtInfoMsg)

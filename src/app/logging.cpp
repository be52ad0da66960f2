#include "app/logging.h"

Q_LOGGING_CATEGORY(lcApp, "gx.app", QtInfoMsg)

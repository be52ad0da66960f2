#include "core/logging.h"

Q_LOGGING_CATEGORY(lcCore, "gx.core", QtInfoMsg)

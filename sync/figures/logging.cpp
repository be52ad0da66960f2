#include "sync/figures/logging.h"

Q_LOGGING_CATEGORY(lcFigures, "gx.server.figures", QtInfoMsg)

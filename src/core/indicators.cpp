#include "core/indicators.h"

#include "core/uscc.h"

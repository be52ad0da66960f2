#include "core/hlc.h"

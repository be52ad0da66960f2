#include "core/industrycode.h"

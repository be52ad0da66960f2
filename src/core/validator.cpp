#include "core/validator.h"

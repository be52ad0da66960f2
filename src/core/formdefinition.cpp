#include "core/formdefinition.h"

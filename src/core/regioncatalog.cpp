#include "core/regioncatalog.h"

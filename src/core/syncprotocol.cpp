#include "core/syncprotocol.h"

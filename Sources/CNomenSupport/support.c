// CNomenSupport is header-only (include/nomen_support.h); a C target needs one source file.
#include "nomen_support.h"

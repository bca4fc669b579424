// A C target needs a source file; the library itself is linked from the system.
#include "cpcre2.h"

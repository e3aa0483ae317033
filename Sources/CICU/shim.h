// Only the link flags of this target matter: no Swift module imports CICU directly,
// because ICU's headers clash with Foundation's own copy of ICU (see DESIGN.md).
#include <unicode/uversion.h>

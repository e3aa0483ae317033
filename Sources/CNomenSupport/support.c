// The helpers of include/nomen_support.h that are not inline.
#define _GNU_SOURCE
#include <string.h>
#include "nomen_support.h"

const void *nomen_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}

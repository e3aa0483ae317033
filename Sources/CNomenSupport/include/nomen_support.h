// Small C helpers the Swift code cannot express. Most are static inline functions, which
// the Swift compiler inlines like its own code.
#ifndef NOMEN_SUPPORT_H
#define NOMEN_SUPPORT_H

#include <stddef.h>

/// Asks the processor to start loading the cache line at `p` for a read soon, without
/// waiting for it: the hash-table probes of a document's words then overlap instead of
/// each waiting out its own cache miss. A hint only: any address is allowed, nothing faults.
static inline void nomen_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

/// The first place `needle` occurs in `haystack`, or NULL: glibc's memmem (a GNU extension
/// that Swift's Glibc module does not declare), which scans far faster than a byte loop.
const void *nomen_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif

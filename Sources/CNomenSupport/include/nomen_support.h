// Small C helpers the Swift code cannot express. Header-only: each is a static inline
// function, which the Swift compiler inlines like its own code.
#ifndef NOMEN_SUPPORT_H
#define NOMEN_SUPPORT_H

/// Asks the processor to start loading the cache line at `p` for a read soon, without
/// waiting for it: the hash-table probes of a document's words then overlap instead of
/// each waiting out its own cache miss. A hint only: any address is allowed, nothing faults.
static inline void nomen_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

#endif

// zlib (Debian's zlib1g-dev; the Swift toolchain images ship it), for the gzip representations
// of responses. zlib's init functions are macros that pass the library's version and the
// stream's size, which Swift cannot call: these wrappers do it.
#ifndef CZLIB_H
#define CZLIB_H

#include <zlib.h>

/// A raw deflate stream (no zlib or gzip wrapper: the server writes its own fixed gzip header)
/// with a window of 2^window_bits bytes (9 to 15), the given level and memory level, and the
/// default strategy.
static inline int czlib_deflate_init_raw(z_stream *stream, int level, int window_bits, int memory_level) {
    return deflateInit2(stream, level, Z_DEFLATED, -window_bits, memory_level, Z_DEFAULT_STRATEGY);
}

/// An inflate stream that reads a gzip member (windowBits 15 + 16): for tests.
static inline int czlib_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}

#endif

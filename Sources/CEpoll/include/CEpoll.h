#ifndef CEPOLL_H
#define CEPOLL_H
// What the server needs from Linux that Glibc's Swift module does not export: <sys/epoll.h>,
// <sys/eventfd.h>, and memfd_create(2) with its seals (declared by glibc only under
// _GNU_SOURCE, so wrapped in CEpoll.c, which defines it).
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/types.h>

/// memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING): a file in memory; -1 with errno.
int cepoll_memfd_create(const char *name);

/// Seals a memfd against shrinking (F_SEAL_SHRINK | F_SEAL_SEAL), so that an offset once
/// valid stays valid; 0, or -1 with errno.
int cepoll_seal_against_shrinking(int descriptor);

/// Frees the pages of a byte range without changing the file's size
/// (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE); 0, or -1 with errno.
int cepoll_punch_hole(int descriptor, off_t offset, off_t length);
#endif

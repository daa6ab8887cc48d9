// Thin wrappers over system calls that glibc declares only with _GNU_SOURCE.
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>

#include "CEpoll.h"

int cepoll_memfd_create(const char *name) {
    return memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
}

int cepoll_seal_against_shrinking(int descriptor) {
    return fcntl(descriptor, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_SEAL);
}

int cepoll_punch_hole(int descriptor, off_t offset, off_t length) {
    return fallocate(descriptor, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset, length);
}

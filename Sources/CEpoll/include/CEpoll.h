#ifndef CEPOLL_H
#define CEPOLL_H
// Glibc's Swift module does not export <sys/epoll.h>; this shim does, and nothing else.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif

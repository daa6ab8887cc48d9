// The benchmark's floor: the least an HTTP/1.1 server can do to answer keep-alive requests
// for one resource. It reads, counts request ends ("\r\n\r\n"), and writes one pre-built
// response from memory per request end: no parsing, no routing, no headers made, no Date.
// What it reaches on the benchmark machine is what the kernel, loopback TCP and wrk allow;
// dossier-server and nginx are read against it. Test tooling only, built by the harness:
//
//     cc -O2 -pthread -o floor floor.c
//     floor RESPONSE_FILE [PORT]      (PORT 0 or absent: the kernel's choice)
//
// RESPONSE_FILE holds the whole response, head and body, exactly as dossier-server sent it.
// One thread per online core, each with its own epoll and its own SO_REUSEPORT listener, so
// the kernel spreads connections over the threads and no state is shared. Prints
// "listening on http://127.0.0.1:PORT" on stderr once every thread listens; runs until killed.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *response;
static size_t response_length;
static int port;

// Per connection: how much of the current response is written, how many responses are owed,
// and how far into "\r\n\r\n" the last read ended (a request end may straddle two reads).
struct connection {
    int fd;
    size_t written;
    long owed;
    int matched;
    int waiting_to_write;
};

static int listener(int wanted_port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(wanted_port)};
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&address, sizeof address) != 0 || listen(fd, 4096) != 0) {
        perror("floor: bind/listen");
        exit(1);
    }
    return fd;
}

// Writes what is owed; returns -1 when the connection is gone, 1 when the socket is full.
static int flush(struct connection *c) {
    while (c->owed > 0) {
        ssize_t n = write(c->fd, response + c->written, response_length - c->written);
        if (n < 0) return errno == EAGAIN ? 1 : -1;
        c->written += (size_t)n;
        if (c->written == response_length) {
            c->written = 0;
            c->owed--;
        }
    }
    return 0;
}

static void *serve(void *argument) {
    int listen_fd = *(int *)argument;
    int epoll_fd = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event event = {.events = EPOLLIN, .data.ptr = NULL};
    epoll_ctl(epoll_fd, EPOLL_CTL_ADD, listen_fd, &event);
    struct epoll_event events[256];
    char buffer[65536];
    for (;;) {
        int count = epoll_wait(epoll_fd, events, 256, -1);
        for (int i = 0; i < count; i++) {
            struct connection *c = events[i].data.ptr;
            if (c == NULL) {
                int fd;
                while ((fd = accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
                    int one = 1;
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    struct connection *fresh = calloc(1, sizeof *fresh);
                    fresh->fd = fd;
                    struct epoll_event add = {.events = EPOLLIN | EPOLLRDHUP, .data.ptr = fresh};
                    epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &add);
                }
                continue;
            }
            int gone = (events[i].events & (EPOLLHUP | EPOLLERR)) != 0;
            if (!gone && (events[i].events & EPOLLIN)) {
                for (;;) {
                    ssize_t n = read(c->fd, buffer, sizeof buffer);
                    if (n == 0 || (n < 0 && errno != EAGAIN)) {
                        gone = 1;
                        break;
                    }
                    if (n < 0) break;
                    static const char end[] = "\r\n\r\n";
                    for (ssize_t k = 0; k < n; k++) {
                        if (buffer[k] == end[c->matched]) {
                            if (++c->matched == 4) {
                                c->owed++;
                                c->matched = 0;
                            }
                        } else {
                            c->matched = buffer[k] == '\r' ? 1 : 0;
                        }
                    }
                    if ((size_t)n < sizeof buffer) break;
                }
            }
            if (!gone) {
                int state = flush(c);
                if (state < 0) {
                    gone = 1;
                } else if (state != c->waiting_to_write) {
                    // Only when the interest changes: one read and one write per request otherwise.
                    c->waiting_to_write = state;
                    struct epoll_event mod = {
                        .events = (state == 1 ? EPOLLOUT : EPOLLIN) | EPOLLRDHUP, .data.ptr = c};
                    epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c->fd, &mod);
                }
            }
            if (gone) {
                close(c->fd);
                free(c);
            }
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: floor RESPONSE_FILE [PORT]\n");
        return 2;
    }
    int file = open(argv[1], O_RDONLY | O_CLOEXEC);
    struct stat status;
    if (file < 0 || fstat(file, &status) != 0 || status.st_size == 0) {
        perror("floor: response file");
        return 1;
    }
    char *bytes = malloc((size_t)status.st_size);
    if (read(file, bytes, (size_t)status.st_size) != status.st_size) {
        perror("floor: read");
        return 1;
    }
    close(file);
    response = bytes;
    response_length = (size_t)status.st_size;

    long threads = sysconf(_SC_NPROCESSORS_ONLN);
    if (threads < 1) threads = 1;
    int *listeners = calloc((size_t)threads, sizeof *listeners);
    // The first listener picks the port (0: the kernel's choice); the others join it.
    listeners[0] = listener(argc > 2 ? atoi(argv[2]) : 0);
    struct sockaddr_in bound;
    socklen_t length = sizeof bound;
    getsockname(listeners[0], (struct sockaddr *)&bound, &length);
    port = ntohs(bound.sin_port);
    for (long t = 1; t < threads; t++) listeners[t] = listener(port);
    pthread_t thread;
    for (long t = 0; t < threads; t++) pthread_create(&thread, NULL, serve, &listeners[t]);
    fprintf(stderr, "floor: listening on http://127.0.0.1:%d (%ld threads, %zu-byte response)\n", port, threads,
            response_length);
    pause();
    return 0;
}

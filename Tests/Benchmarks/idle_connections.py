"""Many idle keep-alive connections, and how fast a fresh request is answered meanwhile.

Each connection sends one request and reads the whole response (so it is a served keep-alive
connection, with whatever buffers that leaves behind), then stays open and silent. One
process with non-blocking sockets and epoll is enough for 10,000 of them.
"""

import selectors
import socket
import time


class _Connection:
    def __init__(self, request):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setblocking(False)
        self.request = request
        self.received = bytearray()
        self.expected = None
        self.status = None

    def take(self, chunk):
        """Adds received bytes; returns True once the whole response is in."""
        self.received += chunk
        if self.expected is None:
            end = self.received.find(b"\r\n\r\n")
            if end < 0:
                return False
            head = bytes(self.received[:end]).decode(errors="replace")
            self.status = int(head.split(" ", 2)[1])
            length = 0
            for line in head.split("\r\n")[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            self.expected = end + 4 + length
        return len(self.received) >= self.expected


def open_idle(port, count, path, batch=500, timeout=30.0):
    """Opens `count` connections, each answered once; returns the sockets and the statuses
    seen (status → count). Connections are opened in batches so the listen backlog never
    overflows."""
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    selector = selectors.EpollSelector()
    done = []
    statuses = {}
    deadline = time.monotonic() + timeout
    for first in range(0, count, batch):
        pending = set()
        for _ in range(min(batch, count - first)):
            connection = _Connection(request)
            connection.socket.connect_ex(("127.0.0.1", port))
            selector.register(connection.socket, selectors.EVENT_WRITE, connection)
            pending.add(connection)
        while pending:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(pending)} connections unanswered after {timeout:.0f} s")
            for key, events in selector.select(timeout=1.0):
                connection = key.data
                if events & selectors.EVENT_WRITE:
                    connection.socket.send(connection.request)
                    selector.modify(connection.socket, selectors.EVENT_READ, connection)
                    continue
                try:
                    chunk = connection.socket.recv(1 << 16)
                except ConnectionError:
                    chunk = b""
                if not chunk or connection.take(chunk):
                    selector.unregister(connection.socket)
                    pending.discard(connection)
                    status = connection.status if chunk else 0
                    statuses[status] = statuses.get(status, 0) + 1
                    connection.received = None
                    done.append(connection.socket)
    selector.close()
    return done, statuses


def timed_request(port, path, sock=None):
    """Sends one request (on `sock`, or on a new connection, which is then closed) and reads
    the whole response; returns (status, seconds from connect/send to the last byte)."""
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    started = time.perf_counter()
    own = sock is None
    if own:
        sock = socket.create_connection(("127.0.0.1", port), timeout=5.0)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    else:
        sock.setblocking(True)
        sock.settimeout(5.0)
    try:
        sock.sendall(request)
        connection = _Connection(request)
        connection.socket.close()
        while True:
            chunk = sock.recv(1 << 16)
            if not chunk:
                return 0, time.perf_counter() - started
            if connection.take(chunk):
                return connection.status, time.perf_counter() - started
    finally:
        if own:
            sock.close()

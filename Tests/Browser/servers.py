"""The servers the browser test talks to: dossier-server itself (on a port of the kernel's
choice), a proxy that adds the page's security headers until the server sends them, a
stand-in whose API is away, and a page on another origin that frames the site."""

import http.client
import http.server
import json
import re
import subprocess
import threading
import urllib.error
import urllib.request
from typing import ClassVar

from expectations import ROOT
from outcome import Abort
from processes import stop_process
from waiting import wait_until

STARTUP_TIMEOUT_S = 30
LISTENING = re.compile(r"listening on (http://[0-9.]+:(\d+))")
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"}


def response_headers(base, path):
    """The response fields of GET base+path, by lower-case name."""
    with urllib.request.urlopen(base + path, timeout=10) as r:
        r.read()
        return {name.lower(): value for name, value in r.getheaders()}


def is_static(path):
    """Whether the server answers `path` from Public/ (not the API, the contract or /healthz)."""
    return not (path.startswith("/api/") or path == "/api" or path.startswith(("/openapi.yaml", "/healthz")))


class DossierServer:
    """dossier-server started with --port 0; its address is read from its stderr
    ("listening on http://127.0.0.1:PORT"), so no port is picked (and lost) beforehand."""

    def __init__(self, binary):
        self.lines = []
        # The server serves Public/ from its working directory: run it from the repository root.
        self.proc = subprocess.Popen(
            [binary, "--host", "127.0.0.1", "--port", "0", "--quiet"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        self.reader = threading.Thread(target=self._read_output, daemon=True)
        self.reader.start()
        self.base = wait_until(self._listening, STARTUP_TIMEOUT_S, "dossier-server did not say it is listening", Abort)
        wait_until(self._healthy, STARTUP_TIMEOUT_S, f"dossier-server did not answer {self.base}/healthz", Abort)

    def _read_output(self):
        for line in self.proc.stdout:
            self.lines.append(line.decode("utf-8", "replace"))

    def _listening(self):
        for line in self.lines:
            if m := LISTENING.search(line):
                return m.group(1)
        if self.proc.poll() is not None:
            raise Abort(f"server exited with status {self.proc.returncode} before it listened:\n{self.output()}")
        return None

    def _healthy(self):
        try:
            with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                return r.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def output(self):
        return "".join(self.lines)[-4000:]

    def json(self, path):
        """GET an API path; returns (status, parsed body) also for error statuses."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as r:
                return r.status, json.load(r)
        except urllib.error.HTTPError as e:
            return e.code, json.load(e)

    def headers(self, path):
        return response_headers(self.base, path)

    def stop(self):
        stop_process(self.proc)


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, handler):
        super().__init__(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def headers(self, path):
        return response_headers(self.base, path)

    def stop(self):
        self.shutdown()
        self.server_close()


class HeaderProxy(_QuietServer):
    """Passes every request on to `upstream` and adds `headers` to the answers for static
    files, as the server will once it sends them itself (until then, the page is still
    checked under them)."""

    def __init__(self, upstream, headers):
        host, port = upstream.removeprefix("http://").split(":")

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.forward()

            def do_HEAD(self):
                self.forward()

            def forward(self):
                connection = http.client.HTTPConnection(host, int(port), timeout=30)
                fields = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP | {"host"}}
                connection.request(self.command, self.path, headers=fields)
                response = connection.getresponse()
                body = response.read()
                connection.close()
                self.send_response(response.status)
                for name, value in response.getheaders():
                    if name.lower() not in HOP_BY_HOP | {"content-length"}:
                        self.send_header(name, value)
                if is_static(self.path):
                    sent = {name.lower() for name, _ in response.getheaders()}
                    for name, value in headers.items():
                        if name.lower() not in sent:
                            self.send_header(name, value)
                if response.status not in (204, 304):
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def log_message(self, *_):
                pass

        super().__init__(Handler)


class NoApi(_QuietServer):
    """Serves Public/ (with the page's headers) but drops every /api/ connection without an
    answer, as a server that went away does: the page must say so in Dutch and offer a retry."""

    def __init__(self, headers):
        class Handler(http.server.SimpleHTTPRequestHandler):
            extensions_map: ClassVar = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                                        ".mjs": "text/javascript", ".js": "text/javascript"}

            def __init__(self, *a, **k):
                super().__init__(*a, directory=str(ROOT / "Public"), **k)

            def do_GET(self):
                if self.path.startswith("/api/"):
                    self.close_connection = True
                    return
                super().do_GET()

            def end_headers(self):
                for name, value in headers.items():
                    self.send_header(name, value)
                super().end_headers()

            def log_message(self, *_):
                pass

        super().__init__(Handler)


class FramingPage(_QuietServer):
    """A page on another origin that puts `url` in an iframe (clickjacking, as an attacker's
    site would): the page's frame-ancestors must make the browser refuse it."""

    def __init__(self, url):
        page = f'<!doctype html><title>framing</title><iframe src="{url}" width="800" height="600"></iframe>'.encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *_):
                pass

        super().__init__(Handler)

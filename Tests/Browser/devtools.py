"""Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON
messages ending in NUL, commands on fd 3, answers and events on fd 4), for what a DOM dump
cannot show: layout sizes at a given viewport, where the focus is, the value of a field
after navigating, what the browser refused. Standard library only."""

import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time

from chromium import CHROMIUM_TIMEOUT_S, HEADLESS_FLAGS
from outcome import Fail
from processes import stop_process
from waiting import wait_until

RENDER_TIMEOUT_S = 15

IS_RENDERED = "document.querySelector('main')?.getAttribute('aria-busy') === 'false'"
MARK_BUSY = "document.querySelector('main')?.setAttribute('aria-busy', 'true'); true"


class Devtools:
    def __init__(self, binary, width, height):
        self.profile = tempfile.mkdtemp(prefix="browser-test-cdp-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def fds():
            # Move both ends out of the way first: os.pipe() may itself have returned 3 or 4.
            r, w = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10), fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3)  # inheritable, unlike the pipe's own descriptors
            os.dup2(w, 4)

        self.proc = subprocess.Popen(
            [binary, *HEADLESS_FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=fds, close_fds=False,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.next_id, self.buf = 0, b""
        self.events = []  # every event of the page's session, in order
        self.deadline = time.monotonic() + CHROMIUM_TIMEOUT_S
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=False)

    def send(self, method, session=False, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        while True:
            while b"\0" not in self.buf:
                if time.monotonic() > self.deadline:
                    raise Fail(f"DevTools: no answer to {method} in time")
                chunk = os.read(self.from_chrome, 65536)
                if not chunk:
                    raise Fail(f"DevTools: Chromium closed the pipe during {method}")
                self.buf += chunk
            raw, self.buf = self.buf.split(b"\0", 1)
            answer = json.loads(raw)
            if "method" in answer and answer.get("sessionId") == getattr(self, "session", None):
                self.events.append(answer)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise Fail(f"DevTools {method}: {answer['error']}")
                return answer.get("result", {})

    def events_of(self, method):
        """The parameters of every event `method` received so far (a round trip first, so
        events the browser sent before now have been read)."""
        self.send("Runtime.evaluate", session=True, expression="0")
        return [e.get("params", {}) for e in self.events if e["method"] == method]

    def js(self, expression):
        """Evaluates an expression in the page (awaiting a promise) and returns its value."""
        r = self.send("Runtime.evaluate", session=True, expression=expression,
                      awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in r:
            details = r["exceptionDetails"]
            raise Fail(f"in the page: {details.get('exception', {}).get('description', details)}")
        return r["result"].get("value")

    def rendered(self, url=None, timeout=RENDER_TIMEOUT_S):
        """Waits until the page shows `url` (or whatever it shows) and has finished rendering it."""
        at = "true" if url is None else f"location.href === new URL({json.dumps(url)}).href"

        def done():
            try:
                return self.js(f"({at}) && {IS_RENDERED}")
            except Fail:
                return False  # between two documents: no context to evaluate in yet
        wait_until(done, timeout, f"the page did not finish rendering {url or 'its address'}")

    def goto(self, url):
        """Loads `url` (a new document, or a new address in this one) and waits for the page."""
        self.js(MARK_BUSY)
        self.send("Page.navigate", session=True, url=url)
        self.rendered(url)

    def hash(self, route):
        """Changes the address the way a link does (hashchange) and waits for the page."""
        if self.js("location.hash") == route:
            raise Fail(f"the page already shows {route}: no hashchange would follow")
        self.js(f"{MARK_BUSY}; location.hash = {json.dumps(route)}; true")
        self.rendered(self.js("location.href"))

    def back(self):
        """Goes back in the history, as the Back button does, and waits for the page."""
        self.js(f"{MARK_BUSY}; history.back(); true")
        self.rendered()

    def close(self):
        try:
            os.close(self.to_chrome)
            os.close(self.from_chrome)
        except OSError:
            pass
        stop_process(self.proc)
        shutil.rmtree(self.profile, ignore_errors=True)

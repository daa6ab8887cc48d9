"""Headless Chromium, one run per page: the rendered DOM (--dump-dom) or a screenshot, with
a virtual-time budget, so a page's timers and fetches finish without waiting in real time."""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from outcome import Abort, Fail
from page_dom import parse_dom

VIRTUAL_TIME_MS = 10000
CHROMIUM_TIMEOUT_S = 60
HEADLESS_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
]
# What Chromium says on the console when the page's Content-Security-Policy (or its Trusted
# Types) refused something: "… violates the following Content Security Policy directive …",
# "This document requires 'TrustedHTML' assignment."
CSP_MESSAGE = re.compile(r"Content Security Policy|Trusted ?Types?|TrustedHTML|TrustedScript", re.IGNORECASE)


def find_chromium(given):
    if given:
        if path := shutil.which(given):
            return path
        raise Abort(f"--chromium {given}: not found or not executable")
    for name in [os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]:
        if name and (path := shutil.which(name)):
            return path
    raise Abort("Chromium not found: install Debian's chromium or pass --chromium PATH")


class Browser:
    """One-shot Chromium runs sharing a profile directory."""

    def __init__(self, binary):
        self.binary = binary
        self.profile = tempfile.mkdtemp(prefix="browser-test-")

    def run(self, extra, url):
        cmd = [
            self.binary, *HEADLESS_FLAGS,
            f"--user-data-dir={self.profile}", "--enable-logging=stderr", "--v=0",
            f"--virtual-time-budget={VIRTUAL_TIME_MS}", *extra, url,
        ]
        try:
            p = subprocess.run(cmd, capture_output=True, timeout=CHROMIUM_TIMEOUT_S, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise Fail(f"Chromium did not finish {url} within {CHROMIUM_TIMEOUT_S} s") from None
        err = p.stderr.decode("utf-8", "replace")
        # Console output of the page ends up in Chromium's log: an uncaught script error, an
        # error the page caught in its own code ("Paginafout"), or anything the page's
        # security policy refused fails the check.
        console = [line for line in err.splitlines() if "CONSOLE" in line]
        uncaught = [line for line in err.splitlines() if "Uncaught" in line or "Paginafout" in line]
        if uncaught:
            raise Fail(f"JavaScript error on {url}: {uncaught[0].strip()}")
        refused = [line for line in console if CSP_MESSAGE.search(line)]
        if refused:
            raise Fail(f"CSP violation on {url}: {refused[0].strip()}")
        if p.returncode != 0:
            raise Fail(f"Chromium exited with {p.returncode} on {url}:\n{err[-2000:]}")
        return p.stdout.decode("utf-8", "replace")

    def dom(self, url):
        dom = parse_dom(self.run(["--dump-dom"], url))
        main = dom.one("main", id="inhoud")
        if main.attrs.get("aria-busy") != "false":
            raise Fail(f"{url}: the page did not finish rendering within the virtual-time budget")
        return dom

    def screenshot(self, url, path, width, height):
        self.run([f"--screenshot={path}", f"--window-size={width},{height}"], url)
        if not Path(path).is_file():
            raise Fail(f"no screenshot written to {path}")

    def close(self):
        shutil.rmtree(self.profile, ignore_errors=True)

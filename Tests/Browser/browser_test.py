#!/usr/bin/env python3
"""Real-browser test of the browse page in Public/.

Starts dossier-server on a port of its own choice (--port 0), loads deep links of the page in
headless Chromium and asserts on the rendered DOM, the live page (DevTools protocol) and the
page's security headers. Expected values come from the published seed text of dossier 23292
(not from the API), so a wrong API answer and a wrong page both fail the test.

    python3 Tests/Browser/browser_test.py --server .build/release/dossier-server \\
        [--expect-csp] [--screenshots DIR]

Until the server sends the page's security headers itself, the page is checked under them
through a proxy that adds them; --expect-csp requires the server's own (and fails without).

Python 3 standard library only. Exits 0 when every check passes, 1 when any fails, 2 when
the test cannot run (no server binary, no Chromium, server does not start).

The parts: chromium.py and devtools.py drive the browser, servers.py starts what it talks to,
expectations.py holds what the page must show (from the seed), page_checks.py, live_checks.py
and csp_checks.py the checks.
"""

import argparse
import os
import signal
import sys
import time
from pathlib import Path

# The test's own modules sit beside this file; a run leaves no __pycache__ behind.
sys.dont_write_bytecode = True

from chromium import Browser, find_chromium  # noqa: E402
from csp_checks import CSPChecks  # noqa: E402
from expectations import PAGE_HEADERS, SCREENSHOTS, SEED, SIZES, WP, parse_seed  # noqa: E402
from live_checks import LiveChecks  # noqa: E402
from outcome import Abort, Fail  # noqa: E402
from page_checks import PageChecks  # noqa: E402
from servers import DossierServer, HeaderProxy  # noqa: E402


def run_checks(checks):
    failures = 0
    for check in checks:
        try:
            print(f"ok   {check()}", flush=True)
        except Fail as e:
            failures += 1
            print(f"FAIL {getattr(check, '__name__', 'check')}: {e}", flush=True)
    return failures


def take_screenshots(browser, site, directory):
    failures = 0
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    for name, route in SCREENSHOTS:
        for w, h in SIZES:
            path = out / f"{name}-{w}x{h}.png"
            try:
                browser.screenshot(f"{site.base}/#{route}", path, w, h)
                print(f"shot {path}")
            except Fail as e:
                failures += 1
                print(f"FAIL screenshot {path}: {e}")
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--server", required=True, help="path to the dossier-server binary")
    ap.add_argument("--expect-csp", action="store_true",
                    help="require the server's own security headers on the page (no proxy adds them)")
    ap.add_argument("--screenshots", metavar="DIR", help="also save screenshots at 1440x900 and 390x844 here")
    ap.add_argument("--chromium", help="Chromium binary (default: chromium on PATH, or $CHROMIUM)")
    args = ap.parse_args()

    # A SIGTERM from CI should still stop the server (finally blocks run on SystemExit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    server = browser = proxy = None
    failures = 0
    try:
        binary = Path(args.server).absolute()
        if not os.access(binary, os.X_OK):
            raise Abort(f"server binary {binary} not found or not executable (build it: swift build -c release)")
        seed = parse_seed()
        if WP not in seed[0]:
            raise Abort(f"could not read {WP} from the seed {SEED}")
        browser = Browser(find_chromium(args.chromium))
        server = DossierServer(str(binary))
        site = server
        if not args.expect_csp and "content-security-policy" not in server.headers("/"):
            site = proxy = HeaderProxy(server.base, PAGE_HEADERS)
        print(f"server {binary.name} on {server.base}" + (f" (page through {proxy.base})" if proxy else "")
              + f"; browser {browser.binary}")
        failures += run_checks([
            *PageChecks(server, site, browser, seed).all(),
            *LiveChecks(site, browser.binary, browser).all(),
            *CSPChecks(server, site, browser.binary, args.expect_csp).all(),
        ])
        if args.screenshots:
            failures += take_screenshots(browser, site, args.screenshots)
    except Abort as e:
        print(f"browser test cannot run: {e}", file=sys.stderr)
        return 2
    finally:
        if proxy:
            proxy.stop()
        if server:
            server.stop()
        if browser:
            browser.close()
    took = time.monotonic() - started
    if failures:
        print(f"browser test FAILED: {failures} check(s) failed ({took:.1f} s)", file=sys.stderr)
        return 1
    print(f"browser test passed ({took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

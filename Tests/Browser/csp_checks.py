"""The page's security headers: sent as decided, obeyed by the page (no CSP violation on any
kind of page or interaction), and in force (a canary is refused, framing is refused)."""

import json

from chromium import CSP_MESSAGE
from devtools import Devtools
from expectations import CREBO, CSP_ROUTES, PAGE_HEADERS, STATIC_PATHS
from outcome import Fail, expect
from servers import FramingPage
from waiting import wait_until

FRAMING_TIMEOUT_S = 15

# Installed before the page's own scripts on every document: every violation the browser
# reports to the page is kept, with where it happened.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push({
  directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample,
  source: e.sourceFile, line: e.lineNumber }));
"""
VIOLATIONS = "window.__violations"


def missing_headers(fields):
    """The PAGE_HEADERS that `fields` (by lower-case name) lack or send otherwise, as text."""
    wrong = []
    for name, value in PAGE_HEADERS.items():
        sent = fields.get(name.lower())
        if sent != value:
            wrong.append(f"{name}: {sent!r} (expected {value!r})" if sent else f"{name} missing")
    return wrong


class CSPChecks:
    """`site` serves the page under the page headers: the server itself, or (until the
    server sends them) the header proxy in front of it."""

    def __init__(self, server, site, chromium, expect_csp):
        self.server, self.site, self.chromium, self.expect_csp = server, site, chromium, expect_csp

    def page_headers(self):
        if not self.expect_csp and "content-security-policy" not in self.server.headers("/"):
            fields = self.site.headers("/")
            wrong = missing_headers(fields)
            expect(not wrong, f"the header proxy does not add the page headers: {wrong}")
            return ("the server sends no Content-Security-Policy yet: the page is checked under the "
                    "page headers added by a proxy (pass --expect-csp once the server sends them)")
        for path in STATIC_PATHS:
            wrong = missing_headers(self.server.headers(path))
            expect(not wrong, f"the server's {path} lacks the page headers: {'; '.join(wrong)} "
                              "(StaticFiles(directory:headers:) must get them; see PAGE-HEADERS.md)")
        return f"the server sends the {len(PAGE_HEADERS)} page headers on {', '.join(STATIC_PATHS)}"

    def no_violations(self):
        dt = Devtools(self.chromium, 1440, 900)
        try:
            for domain in ("Page", "Log", "Runtime", "Network"):
                dt.send(f"{domain}.enable", session=True)
            dt.send("Page.addScriptToEvaluateOnNewDocument", session=True, source=RECORD_VIOLATIONS)
            dt.goto(f"{self.site.base}/#/")
            for route in CSP_ROUTES:
                dt.hash("#" + route)
            self.interact(dt)
            self.expect_clean(dt, f"{len(CSP_ROUTES)} pages")
            canaries = self.canaries(dt)
            self.expect_no_referrer(dt)
            return f"no CSP violation on {len(CSP_ROUTES)} pages and their controls; {canaries}; no Referer sent"
        finally:
            dt.close()

    @staticmethod
    def interact(dt):
        """Uses what the page offers beyond links: more hits, the filters, the tree's keys,
        copying the API link, the vakkennis filter."""
        dt.hash("#/zoeken?q=de")
        dt.js("document.getElementById('meer-treffers').click(); true")
        wait_until(lambda: dt.js("document.querySelectorAll('#zoekresultaten li').length > 50"), 10,
                   "'Meer treffers laden' loaded no more hits")
        dt.js("const s = document.getElementById('filter-soort'); s.value = 'gedrag';"
              "s.dispatchEvent(new Event('change')); true")
        dt.rendered()
        dt.hash(f"#/dossiers/{CREBO}/vakkennis")
        dt.js("document.getElementById('alleen-gedeeld').click(); true")
        dt.js("document.querySelector('.werkbalk button').click(); true")
        dt.js("const t = document.querySelector('#boomlijst [role=treeitem]'); t.focus();"
              "for (const key of ['ArrowRight', 'ArrowDown', 'End', 'Home', 'ArrowLeft'])"
              "  t.ownerDocument.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));"
              "true")
        dt.js("document.getElementById('zoekveld').value = 'klacht';"
              "document.getElementById('zoekveld').dispatchEvent(new Event('input')); true")
        wait_until(lambda: dt.js("location.hash.startsWith('#/zoeken?q=klacht')"), 10, "typing did not search")
        dt.rendered()

    @staticmethod
    def expect_clean(dt, where):
        recorded = dt.js(VIOLATIONS)
        expect(recorded == [], f"CSP violations on {where}: {json.dumps(recorded, ensure_ascii=False)[:600]}")
        logged = [e["entry"]["text"] for e in dt.events_of("Log.entryAdded") if CSP_MESSAGE.search(e["entry"]["text"])]
        expect(not logged, f"Chromium refused on {where}: {logged[0][:300] if logged else ''}")
        thrown = [e["exceptionDetails"] for e in dt.events_of("Runtime.exceptionThrown")]
        expect(not thrown, f"uncaught exception on {where}: {thrown[:1]}")

    @staticmethod
    def expect_no_referrer(dt):
        # The page's own requests (not the test's navigations to it) follow its Referrer-Policy.
        sent = [e for e in dt.events_of("Network.requestWillBeSent") if e.get("type") != "Document"]
        expect(sent, "DevTools saw no request from the page")
        referred = [e["request"]["url"] for e in sent
                    if e["request"].get("referrerPolicy") != "no-referrer" or e["request"]["headers"].get("Referer")]
        expect(not referred, f"requests that may send a Referer: {referred[:3]}")

    @staticmethod
    def canaries(dt):
        """Proves the policy is in force (without it, a clean page proves nothing): an inline
        style and an HTML string sink must both be refused, and reported."""
        dt.js("document.body.setAttribute('style', 'color: rgb(255, 0, 0)'); true")
        styled = dt.js("getComputedStyle(document.body).color === 'rgb(255, 0, 0)'")
        sink = dt.js("(() => { try { document.createElement('div').innerHTML = '<b>x</b>'; return 'assigned'; }"
                     " catch (e) { return e.name; } })()")
        reported = sorted({v["directive"] for v in dt.js(VIOLATIONS)})
        if styled or sink != "TypeError":
            raise Fail("the page's Content-Security-Policy is not in force: an inline style was "
                       f"{'applied' if styled else 'refused'}, an innerHTML assignment was {sink!r} "
                       "(does the server send the page headers? see PAGE-HEADERS.md)")
        expect(reported == ["require-trusted-types-for", "style-src-attr"],
               f"the canaries were refused but reported as {reported}")
        return "canaries refused (inline style, innerHTML) and reported"

    def framing_refused(self):
        framing = FramingPage(f"{self.site.base}/#/")
        dt = Devtools(self.chromium, 1024, 768)
        try:
            dt.send("Log.enable", session=True)
            dt.send("Page.navigate", session=True, url=framing.base + "/")

            def refusal():
                texts = [e["entry"]["text"] for e in dt.events_of("Log.entryAdded")]
                return next((t for t in texts if "frame-ancestors" in t or "X-Frame-Options" in t), None)
            wait_until(refusal, FRAMING_TIMEOUT_S, "a page on another origin framed the page without a refusal")
            return "a page on another origin cannot frame the page (frame-ancestors 'none')"
        finally:
            dt.close()
            framing.stop()

    def all(self):
        return [self.page_headers, self.no_violations, self.framing_refused]

#!/usr/bin/env python3
"""Real-browser test of the browse page in Public/.

Starts dossier-server on a free port, loads deep links of the page in headless Chromium
(--dump-dom with a virtual-time budget) and asserts on the rendered DOM. Expected values
come from the published seed text of dossier 23292 (not from the API), so a wrong API
answer and a wrong page both fail the test.

    python3 Tests/Browser/browser_test.py --server .build/release/dossier-server [--screenshots DIR]

Python 3 standard library only. Exits 0 when every check passes, 1 when any fails, 2 when
the test cannot run (no server binary, no Chromium, server does not start).
"""

import argparse
import fcntl
import html.parser
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "Tests/DossierTests/Fixtures/kd-23292-aftersales-mobiliteitsbranche.txt"
CREBO = "23292"
WP = "B1-K2-W3"
WP_TITEL = (
    "Begeleidt en adviseert klanten bij aankoop/gebruik van producten en/of diensten "
    "en handelt transacties af"
)
VIRTUAL_TIME_MS = 10000
CHROMIUM_TIMEOUT_S = 60


class Fail(Exception):
    """A check did not hold; the message says what was expected and what was found."""


class Abort(Exception):
    """The test cannot run at all."""


# --------------------------------------------------------------------------- the seed


def parse_seed(path):
    """Reads what the published text says about werkprocessen and vakkennis.

    Returns (werkprocessen, vakkennis): werkprocessen maps a code to
    {"titel", "gedrag": [..], "competenties": [..names..]}, vakkennis maps an item's text
    to the set of kerntaak codes that list it. The text repeats page headers
    ("B1-K1: ...", "B1-K2-W2: ...") in the middle of lists; those are skipped.
    """
    wp_kop = re.compile(r"^([BP]\d+-K\d+-W\d+): (.+)$")
    kt_kop = re.compile(r"^([BP]\d+-K\d+): (.+)$")
    comp = re.compile(r"^-?\s*De onderliggende competenties zijn:\s*(.+)$")
    werkprocessen, vakkennis = {}, {}
    kerntaak = wp = None
    modus = None  # "gedrag" or "vakkennis" while inside such a list
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if m := wp_kop.match(line):
            if m.group(1) != wp:
                modus = None
            wp = m.group(1)
            werkprocessen.setdefault(wp, {"titel": m.group(2), "gedrag": [], "competenties": []})
            continue
        if m := kt_kop.match(line):
            if m.group(1) != kerntaak:
                modus = None
            kerntaak = m.group(1)
            continue
        if m := comp.match(line):
            werkprocessen[wp]["competenties"] = [n.strip() for n in m.group(1).split(",")]
            modus = None
            continue
        if line == "Gedrag":
            modus = "gedrag"
            continue
        if line == "Vakkennis en vaardigheden":
            modus, wp = "vakkennis", None
            continue
        if line in ("Omschrijving", "Resultaat", "Complexiteit", "Verantwoordelijkheid en zelfstandigheid"):
            modus = None
            continue
        if line.startswith("-") and modus:
            tekst = line[1:].strip()
            if modus == "gedrag":
                werkprocessen[wp]["gedrag"].append(tekst)
            else:
                vakkennis.setdefault(tekst, set()).add(kerntaak)
    return werkprocessen, vakkennis


def seed_crebo_of(path, titel):
    """The crebo the seed gives a kwalificatie ("» Adviseur ... (Crebonr. 25712)"), or None."""
    m = re.search(re.escape(titel) + r" \(Crebonr\. (\d{5})\)", path.read_text(encoding="utf-8"))
    return m.group(1) if m else None


def seed_keuzedelen_link(path):
    m = re.search(r"keuzedelen voor dit kwalificatiedossier zijn te vinden op <([^>]+)>", path.read_text(encoding="utf-8"))
    return m.group(1) if m else None


# --------------------------------------------------------------------------- a tiny DOM


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def norm_text(self):
        return " ".join(self.text().split())

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def all(self, tag=None, **attrs):
        """Descendants with this tag (or any) whose attributes equal the given values;
        an attribute given as True only has to be present. Use data_x for data-x."""
        want = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [
            n for n in self.walk()
            if (tag is None or n.tag == tag)
            and all((k in n.attrs) if v is True else n.attrs.get(k) == v for k, v in want.items())
        ]

    def one(self, tag=None, what="", **attrs):
        found = self.all(tag, **attrs)
        if not found:
            raise Fail(f"no element {tag or '*'} {attrs} {what}".rstrip())
        return found[0]

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


class DomBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, [(k, v if v is not None else "") for k, v in attrs], self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, [(k, v or "") for k, v in attrs], self.cur))

    def handle_endtag(self, tag):
        # Chromium's serialisation closes every non-void element, so walking up to the
        # matching tag is enough.
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse_dom(text):
    b = DomBuilder()
    b.feed(text)
    b.close()
    return b.root


# --------------------------------------------------------------------------- server and browser


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def find_chromium(given):
    if given:
        if path := shutil.which(given):
            return path
        raise Abort(f"--chromium {given}: not found or not executable")
    for name in [os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]:
        if name and (path := shutil.which(name)):
            return path
    raise Abort("Chromium not found: install Debian's chromium or pass --chromium PATH")


def stop_process(proc):
    """Asks a child to stop (SIGTERM), and kills it if it has not within 10 s."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Server:
    def __init__(self, binary, workdir):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile()
        # The server serves Public/ from its working directory: run it from the repository root.
        self.proc = subprocess.Popen(
            [binary, "--host", "127.0.0.1", "--port", str(self.port), "--quiet"],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            if self.proc.poll() is not None:
                raise Abort(f"server exited with status {self.proc.returncode} before it was healthy:\n{self.output()}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise Abort(f"server did not answer /healthz within 30 s:\n{self.output()}")
            time.sleep(0.1)

    def output(self):
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")[-4000:]

    def json(self, path):
        """GET an API path; returns (status, parsed body) also for error statuses."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as r:
                return r.status, json.load(r)
        except urllib.error.HTTPError as e:
            return e.code, json.load(e)

    def stop(self):
        stop_process(self.proc)
        self.log.close()


class Browser:
    def __init__(self, binary):
        self.binary = binary
        self.profile = tempfile.mkdtemp(prefix="browser-test-")

    def run(self, extra, url):
        cmd = [
            self.binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
            f"--user-data-dir={self.profile}", "--enable-logging=stderr", "--v=0",
            f"--virtual-time-budget={VIRTUAL_TIME_MS}", *extra, url,
        ]
        try:
            p = subprocess.run(cmd, capture_output=True, timeout=CHROMIUM_TIMEOUT_S, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise Fail(f"Chromium did not finish {url} within {CHROMIUM_TIMEOUT_S} s")
        err = p.stderr.decode("utf-8", "replace")
        # Console output of the page ends up in Chromium's log: an uncaught script error, or
        # an error the page caught in its own code ("Paginafout"), fails the check.
        uncaught = [l for l in err.splitlines() if "Uncaught" in l or "Paginafout" in l]
        if uncaught:
            raise Fail(f"JavaScript error on {url}: {uncaught[0].strip()}")
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


class Devtools:
    """Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe:
    JSON messages ending in NUL, commands on fd 3, answers on fd 4), for what a DOM dump
    cannot show: layout sizes at a given viewport, where the focus is, the value of a
    field after navigating. Standard library only."""

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
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
             f"--user-data-dir={self.profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=fds, close_fds=False,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.next_id, self.buf = 0, b""
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
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise Fail(f"DevTools {method}: {answer['error']}")
                return answer.get("result", {})

    def js(self, expression):
        """Evaluates an expression in the page (awaiting a promise) and returns its value."""
        r = self.send("Runtime.evaluate", session=True, expression=expression,
                      awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in r:
            raise Fail(f"in the page: {r['exceptionDetails'].get('exception', {}).get('description', r['exceptionDetails'])}")
        return r["result"].get("value")

    def rendered(self, timeout=15):
        """Waits until the page has finished rendering its current address."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.js("document.querySelector('main')?.getAttribute('aria-busy') === 'false'"):
                return
            time.sleep(0.1)
        raise Fail("the page did not finish rendering in time")

    def goto(self, url):
        self.js("document.querySelector('main')?.setAttribute('aria-busy', 'true'); true")
        self.send("Page.navigate", session=True, url=url)
        time.sleep(0.2)
        self.rendered()

    def hash(self, route):
        """Changes the address the way a link does (hashchange) and waits for the page."""
        self.js(f"document.querySelector('main').setAttribute('aria-busy', 'true'); location.hash = {json.dumps(route)}; true")
        self.rendered()

    def close(self):
        try:
            os.close(self.to_chrome)
            os.close(self.from_chrome)
        except OSError:
            pass
        stop_process(self.proc)
        shutil.rmtree(self.profile, ignore_errors=True)


# --------------------------------------------------------------------------- checks


def expect(cond, message):
    if not cond:
        raise Fail(message)


def visible(node):
    """Not inside a collapsed tree branch or anything else marked hidden."""
    return "hidden" not in node.attrs and not any("hidden" in a.attrs for a in node.ancestors())


class Checks:
    def __init__(self, server, browser, seed):
        self.server, self.browser = server, browser
        self.wps, self.vakkennis = seed
        self.comp_codes = {}  # competence name → column code, read from the matrix headers

    def page(self, route):
        return self.browser.dom(f"{self.server.base}/#{route}")

    def home_lists_dossiers(self):
        status, lijst = self.server.json("/api/v1/dossiers")
        expect(status == 200, f"/api/v1/dossiers answered {status}")
        dom = self.page("/")
        shown = {li.attrs["data-crebo"] for li in dom.one(id="dossiers").all("li", data_crebo=True)}
        want = {d["crebo"] for d in lijst["items"]}
        expect(CREBO in shown, f"home page does not list dossier {CREBO}; it lists {sorted(shown)}")
        expect(shown == want, f"home page lists {sorted(shown)}, the API has {sorted(want)}")
        return f"home page lists the {len(shown)} loaded dossiers {sorted(shown)}"

    def werkproces_deep_link(self):
        seed = self.wps[WP]
        expect(seed["titel"] == WP_TITEL, f"seed title of {WP} is {seed['titel']!r}")
        route = f"/dossiers/{CREBO}/werkprocessen/{WP}"
        dom = self.page(route)
        item = dom.one(role="treeitem", data_route=route, what="in the dossier tree")
        expect(WP_TITEL in item.norm_text(), f"tree item for {WP} reads {item.norm_text()!r}")
        expect(visible(item), f"tree item for {WP} is inside a collapsed branch")
        expect(item.attrs.get("aria-current") == "page", f"tree item for {WP} is not aria-current=page")
        h1 = dom.one("h1", id="titel").norm_text()
        expect(WP_TITEL in h1 and WP in h1, f"h1 reads {h1!r}")
        gedrag = [li.norm_text() for li in dom.one("ul", data_gedrag=WP).all("li")]
        want = [" ".join(g.split()) for g in seed["gedrag"]]
        expect(len(want) >= 5, f"seed parse found only {len(want)} gedrag lines for {WP}")
        expect(gedrag == want, f"gedrag of {WP} differs from the seed:\n  page: {gedrag}\n  seed: {want}")
        comps = [" ".join(li.norm_text().split()[1:]) for li in dom.one("ul", data_competenties=WP).all("li")]
        expect(comps == seed["competenties"], f"competenties of {WP}: page {comps}, seed {seed['competenties']}")
        api = dom.one("input", id="api-link").attrs.get("data-api")
        expect(api == "/api/v1" + route, f"API link is {api!r}")
        return f"deep link {route}: tree shows and marks it, {len(gedrag)} gedrag lines and {len(comps)} competenties as in the seed, API link"

    def dossier_page(self):
        dom = self.page(f"/dossiers/{CREBO}")
        item = dom.one(role="treeitem", data_route=f"/dossiers/{CREBO}/werkprocessen/{WP}", what="in the dossier tree")
        expect(WP_TITEL in item.norm_text(), f"tree item for {WP} reads {item.norm_text()!r}")
        main = dom.one("main")
        li = main.one("li", data_werkproces=WP, what="in the dossier's kerntaken list")
        expect(WP_TITEL in li.norm_text(), f"dossier page lists {WP} as {li.norm_text()!r}")
        # P1's crebo is in the seed; P2's is not, so the page must say so instead of inventing one.
        p1 = main.one("li", data_kwalificatie="P1").norm_text()
        crebo = seed_crebo_of(SEED, "Adviseur mobiliteitsbranche")
        expect(crebo and f"Crebo {crebo}" in p1, f"P1 card reads {p1!r}, seed crebo {crebo}")
        p2 = main.one("li", data_kwalificatie="P2").norm_text()
        expect("Crebo niet vermeld in de bron" in p2, f"P2 card reads {p2!r}")
        url = seed_keuzedelen_link(SEED)
        links = [a for a in main.all("a", href=url)]
        expect(links, f"no link to the keuzedelen page {url}")
        expect(links[0].attrs.get("target") == "_blank", "keuzedelen link does not open a new tab")
        return f"dossier page: tree and kerntaken list show {WP}, P2 crebo 'niet vermeld in de bron', keuzedelen link {url}"

    def matrix_marks(self):
        dom = self.page(f"/dossiers/{CREBO}/competenties")
        table = dom.one("table", id="matrix")
        naam = table.attrs.get("aria-labelledby")
        expect(naam and dom.one(id=naam).norm_text(), "matrix table has no accessible name")
        cols = table.one("thead").all("th", scope="col", data_competentie=True)
        expect(len(cols) == 25, f"matrix has {len(cols)} competence columns, not 25")
        self.comp_codes = {th.attrs["data-titel"]: th.attrs["data-competentie"] for th in cols}
        rows = 0
        cells = 0
        for code, wp in self.wps.items():
            if not wp["competenties"]:
                continue
            missing = [n for n in wp["competenties"] if n not in self.comp_codes]
            expect(not missing, f"no matrix column titled {missing} (seed names of {code})")
            want = {self.comp_codes[n] for n in wp["competenties"]}
            tr = table.one("tr", data_werkproces=code)
            expect(tr.one("th", scope="row").norm_text().startswith(code), f"row header of {code}")
            marked = set()
            for td in tr.all("td", data_competentie=True):
                if td.attrs.get("data-mark") == "ja":
                    marked.add(td.attrs["data-competentie"])
                    # Not colour-only: a visible glyph and a word for screen readers.
                    expect("●" in td.text() and "ja" in td.text(), f"mark {code}×{td.attrs['data-competentie']} is colour-only")
                cells += 1
            expect(marked == want, f"matrix row {code}: marked {sorted(marked)}, the seed says {sorted(want)}")
            rows += 1
        expect(rows >= 8, f"only {rows} werkprocessen with competenties found in the seed")
        return f"matrix: 25 named columns; {rows} rows ({cells} cells) marked exactly as the seed's competence lines"

    def competentie_everywhere(self):
        naam = "Vakdeskundigheid toepassen"
        if not self.comp_codes:
            raise Fail("matrix check did not run; competence codes unknown")
        code = self.comp_codes[naam]
        dom = self.page(f"/competenties/{code}")
        main = dom.one("main")
        want = {c for c, wp in self.wps.items() if naam in wp["competenties"]}
        shown = {li.attrs["data-werkproces"] for li in main.all("li", data_dossier=CREBO)}
        expect(shown == want, f"competentie {code}: {CREBO} werkprocessen {sorted(shown)}, seed {sorted(want)}")
        andere = {li.attrs["data-dossier"] for li in main.all("li", data_werkproces=True)} - {CREBO}
        expect(andere, f"competentie {code} lists no werkproces from another dossier")
        return f"competentie {code} ({naam}): {len(want)} werkprocessen of {CREBO} as in the seed, plus dossiers {sorted(andere)}"

    def vakkennis_shared(self):
        dom = self.page(f"/dossiers/{CREBO}/vakkennis")
        table = dom.one("table", id="vakkennis")
        rows = table.one("tbody").all("tr", data_vakkennis=True)
        seen = set()
        for tr in rows:
            tekst = tr.one("th", scope="row").norm_text()
            expect(tekst in self.vakkennis, f"vakkennis item {tekst!r} is not in the seed")
            marked = {td.attrs["data-kerntaak"] for td in tr.all("td", data_mark="ja")}
            want = self.vakkennis[tekst]
            expect(marked == want, f"vakkennis {tekst!r}: marked {sorted(marked)}, seed lists it under {sorted(want)}")
            seen.add(tekst)
        expect(seen == set(self.vakkennis), f"seed items missing on the page: {sorted(set(self.vakkennis) - seen)}")
        shared = sum(1 for t in seen if len(self.vakkennis[t]) > 1)
        return f"vakkennis: all {len(seen)} seed items, {shared} shared, each marked under the kerntaken that list it"

    def kwalificatie_whole(self):
        dom = self.page(f"/dossiers/{CREBO}/kwalificaties/P1")
        main = dom.one("main")
        shown = [s.attrs["data-kerntaak"] for s in main.all("section", data_kerntaak=True)]
        expect(shown == ["B1-K1", "B1-K2", "B1-K3"], f"kwalificatie P1 shows kerntaken {shown}")
        gedrag = main.one("ul", data_gedrag=WP).all("li")
        expect(len(gedrag) == len(self.wps[WP]["gedrag"]), f"P1 print view has {len(gedrag)} gedrag lines of {WP}")
        return "kwalificatie P1: every kerntaak that applies, in full (werkprocessen with gedrag)"

    def search_offerte(self):
        dom = self.page("/zoeken?q=offerte")
        res = dom.one(id="zoekresultaten")
        hits = res.all("li", data_code=WP)
        expect(hits, f"search for offerte does not list {WP}")
        for li in hits:
            a = li.one("a")
            expect(a.attrs.get("href") == f"#/dossiers/{CREBO}/werkprocessen/{WP}", f"hit links to {a.attrs.get('href')}")
            marks = [m.norm_text().lower() for m in li.all("mark")]
            expect(any("offerte" in m for m in marks), f"hit for {WP} has no highlighted 'offerte': {li.norm_text()!r}")
            group = next(n for n in li.ancestors() if n.tag == "section")
            expect(group.attrs.get("data-soort") == li.attrs.get("data-soort"), "hit sits in the wrong group")
        groups = [s.attrs["data-soort"] for s in res.all("section", data_soort=True)]
        return f"search 'offerte': {WP} listed {len(hits)}× with <mark>offerte</mark>, groups {groups}"

    def api_errors_shown(self):
        out = []
        for route in [f"/dossiers/99999", f"/dossiers/{CREBO}/werkprocessen/B1-K9-W9"]:
            status, problem = self.server.json("/api/v1" + route)
            expect(status == 404 and problem.get("detail"), f"API {route} answered {status} {problem}")
            dom = self.page(route)
            fout = dom.one(id="fout", what=f"(error box) on #{route}")
            expect(fout.attrs.get("role") == "alert", "error box is not role=alert")
            text = fout.norm_text()
            expect(problem["detail"] in text, f"#{route} shows {text!r}, the API's detail is {problem['detail']!r}")
            expect(fout.attrs.get("data-status") == "404", f"error status shown as {fout.attrs.get('data-status')}")
            out.append(problem["detail"])
        return "API errors shown: " + " / ".join(out)

    def profiel_werkproces_unknown(self):
        # The seed is P1's extract: it names P2's werkprocessen and nothing more. The page
        # must say their texts and competences are not in the source, never show "none".
        code = "P2-K1-W1"
        expect(code not in self.wps, f"the seed unexpectedly details {code}")
        main = self.page(f"/dossiers/{CREBO}/werkprocessen/{code}").one("main")
        leeg = [s.norm_text() for s in main.all("span", **{"class": "leeg"})]
        expect(leeg.count("niet vermeld in de bron") >= 4,
               f"{code} page marks {leeg} as missing; expected omschrijving, resultaat, gedrag, competenties")
        expect(not main.all("ul", data_gedrag=True), f"{code} page shows a gedrag list")
        row = self.page(f"/dossiers/{CREBO}/competenties").one("tr", data_werkproces=code)
        marks = {td.attrs.get("data-mark") for td in row.all("td", data_competentie=True)}
        expect(marks == {"onbekend"}, f"matrix row {code} is marked {sorted(marks)}, not unknown")
        return f"{code}: texts, gedrag and competenties 'niet vermeld in de bron'; its matrix row unknown, not empty"

    def bron_links(self):
        # 23189 gives its generic parts' source as "www.kwalificatiesmbo.nl", without a
        # scheme: shown verbatim, linked with https:// (a bare href would be relative).
        main = self.page("/dossiers/23189/generieke-onderdelen").one("main")
        links = [a for a in main.all("a", **{"class": "extern adres"})]
        expect(links, "no external links on the generieke onderdelen page of 23189")
        for a in links:
            tekst = a.norm_text().replace(" (opent in een nieuw tabblad)", "")
            expect(a.attrs["href"] == "https://" + tekst, f"link {tekst!r} points to {a.attrs['href']!r}")
        hrefs = [a.attrs.get("href", "") for a in main.all("a", target="_blank")]
        expect(all(h.startswith(("https://", "http://", "mailto:")) for h in hrefs), f"relative external links: {hrefs}")
        return f"23189 generieke onderdelen: {len(links)} bron links shown verbatim, href https://{tekst}"

    def kwalificaties_per_dossier(self):
        status, lijst = self.server.json("/api/v1/kwalificaties")
        main = self.page("/kwalificaties").one("main")
        secties = main.all("section", data_dossier=True)
        want = {}
        for k in lijst["items"]:
            want.setdefault(k["dossier"]["crebo"], []).append(k["code"])
        shown = {s.attrs["data-dossier"]: [li.attrs["data-kwalificatie"] for li in s.all("li", data_kwalificatie=True)] for s in secties}
        expect(shown == want, f"#/kwalificaties groups {shown}, the API {want}")
        for s in secties:
            kop = s.one("h2").norm_text()
            expect(f"crebo {s.attrs['data-dossier']}" in kop, f"dossier heading reads {kop!r}")
        return f"#/kwalificaties grouped per dossier: {shown}"

    def texts_and_wording(self):
        # Singular: competence Y has one werkproces in the embedded data (C had one until 23181 came).
        status, c = self.server.json("/api/v1/competenties/Y")
        expect(len(c["werkprocessen"]) == 1, f"competence Y now has {len(c['werkprocessen'])} werkprocessen; pick another")
        tekst = self.page("/competenties/Y").one("main").norm_text()
        expect("1 werkproces in 1 dossier steunt op deze competentie" in tekst, f"competence Y page reads {tekst[:200]!r}")
        lijst = self.page("/competenties").one("ul", id="competenties")
        regel = lijst.one("li", data_competentie="Y").norm_text()
        expect(regel.endswith("· 1 werkproces"), f"competenties list reads {regel!r}")
        # Kerntaak: a Kerntaken step in the breadcrumbs, and a print-only line with the crebo.
        dom = self.page(f"/dossiers/{CREBO}/kerntaken/B1-K2")
        kruimels = [a.norm_text() for a in dom.one("nav", **{"class": "kruimels"}).all("a")]
        expect(kruimels[-1] == "Kerntaken", f"kerntaak breadcrumbs {kruimels}")
        printkop = dom.one("p", **{"class": "printkop"}).norm_text()
        expect(f"(crebo {CREBO})" in printkop, f"print line reads {printkop!r}")
        # Vakkennis: the kerntaken without a column are named.
        main = self.page(f"/dossiers/{CREBO}/vakkennis").one("main")
        zonder = main.one(id="vk-zonder-lijst").norm_text()
        expect("P2-K1 en P2-K2" in zonder and "niet vermeld in de bron" in zonder, f"vakkennis page says {zonder!r}")
        # #inhoud (the skip link's target) as start address is not an unknown route.
        dom = self.page("inhoud".lstrip("/"))
        expect(not dom.all(id="fout"), "#inhoud shows an error")
        expect(dom.all(id="dossiers"), "#inhoud does not show the overview")
        return "singular '1 werkproces … steunt', Kerntaken breadcrumb, print line with crebo, P2-K1 en P2-K2 without vakkennis named, #inhoud shows the overview"

    def search_hit_codes(self):
        res = self.page("/zoeken?q=engels").one(id="zoekresultaten")
        for li in res.all("li", data_soort="generiek-onderdeel"):
            expect(not li.one("a").all(**{"class": "code"}), f"generic part hit repeats its code: {li.one('a').norm_text()!r}")
        res = self.page("/zoeken?q=kennis&soort=vakkennis").one(id="zoekresultaten")
        hits = res.all("li", data_soort="vakkennis")
        expect(hits, "no vakkennis hits for 'kennis'")
        for li in hits:
            expect(not li.one("a").all(**{"class": "code"}), f"vakkennis hit shows an id: {li.one('a').norm_text()!r}")
        return f"search hits: no code for vakkennis ({len(hits)} hits) nor when it equals the title"

    def all(self):
        return [
            self.home_lists_dossiers, self.werkproces_deep_link, self.dossier_page, self.matrix_marks,
            self.profiel_werkproces_unknown,
            self.competentie_everywhere, self.vakkennis_shared, self.kwalificatie_whole,
            self.search_offerte, self.api_errors_shown,
            self.bron_links, self.kwalificaties_per_dossier, self.texts_and_wording, self.search_hit_codes,
        ]


PHONE_ROUTES = [
    f"/dossiers/{CREBO}/competenties", f"/dossiers/{CREBO}/vakkennis", f"/dossiers/{CREBO}/werkprocessen/B1-K2-W2",
    f"/dossiers/{CREBO}", "/zoeken?q=fabrikant", "/kwalificaties", "/dossiers/23189/generieke-onderdelen",
]


class LiveChecks:
    """Checks in one live page over the DevTools protocol: layout and focus."""

    def __init__(self, server, chromium):
        self.server, self.chromium = server, chromium

    def phone_width(self):
        # Nothing may make the page wider than a 390 px phone (the matrix did: 876 px).
        dt = Devtools(self.chromium, 390, 844)
        try:
            sizes = []
            for route in PHONE_ROUTES:
                dt.goto(f"{self.server.base}/#{route}")
                breed, vp = dt.js("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
                expect(breed <= vp, f"#{route} at 390x844: document scrollWidth {breed} > viewport {vp}")
                sizes.append(breed)
            return f"390x844: scrollWidth {sorted(set(sizes))} = viewport on {len(PHONE_ROUTES)} pages"
        finally:
            dt.close()

    def search_focus_and_field(self):
        dt = Devtools(self.chromium, 1440, 900)
        try:
            dt.goto(f"{self.server.base}/#/zoeken?q=de")
            expect(dt.js("document.getElementById('zoekveld').value") == "de", "search field does not show the query")
            voor = dt.js("document.querySelectorAll('#zoekresultaten li').length")
            expect(dt.js("!!document.getElementById('meer-treffers')"), "'q=de' has no 'Meer treffers laden' button")
            dt.js("document.getElementById('meer-treffers').focus(); document.getElementById('meer-treffers').click(); true")
            end = time.monotonic() + 10
            while dt.js("document.querySelectorAll('#zoekresultaten li').length") == voor and time.monotonic() < end:
                time.sleep(0.1)
            focus = dt.js("[document.activeElement.tagName, document.activeElement.closest('li')?.dataset.nr ?? null]")
            expect(focus == ["A", str(voor)], f"after 'Meer treffers laden' the focus is on {focus}, not the first new hit ({voor})")
            # An address changed while the field has the focus: the field follows it.
            dt.js("document.getElementById('zoekveld').focus(); true")
            dt.hash("#/zoeken?q=klacht")
            veld = dt.js("document.getElementById('zoekveld').value")
            expect(veld == "klacht", f"field reads {veld!r} on #/zoeken?q=klacht")
            dt.hash(f"#/dossiers/{CREBO}")
            veld = dt.js("document.getElementById('zoekveld').value")
            expect(veld == "", f"field still reads {veld!r} off the search page")
            dt.js("history.back(); true")
            time.sleep(0.3)
            dt.rendered()
            veld = dt.js("document.getElementById('zoekveld').value")
            expect(veld == "klacht", f"after Back the field reads {veld!r}")
            return f"'Meer treffers laden': focus on hit {voor} (the first new one); field follows the address (klacht / empty / Back)"
        finally:
            dt.close()

    def all(self):
        return [self.phone_width, self.search_focus_and_field]


class NoApi:
    """Serves Public/ but drops every /api/ connection without an answer, as a server
    that went away does: the page must say so in Dutch and offer a retry."""

    def __init__(self):
        import http.server
        import threading

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *a, **k):
                super().__init__(*a, directory=str(ROOT / "Public"), **k)

            def do_GET(self):
                if self.path.startswith("/api/"):
                    self.close_connection = True
                    return
                super().do_GET()

            def log_message(self, *_):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def unreachable_api(browser):
    api = NoApi()
    try:
        dom = browser.dom(f"{api.base}/#/dossiers/{CREBO}")
        fout = dom.one(id="fout", what="(error box) with the API away")
        tekst = fout.norm_text()
        expect("Failed to fetch" not in tekst and "niet bereikbaar" in tekst, f"error box reads {tekst!r}")
        knoppen = [b.norm_text() for b in fout.all("button")]
        expect("Opnieuw proberen" in knoppen, f"no retry button in {tekst!r}")
        return f"API away: {fout.one('h1').norm_text()!r} with 'Opnieuw proberen'"
    finally:
        api.stop()


SCREENSHOTS = [
    ("werkproces", f"/dossiers/{CREBO}/werkprocessen/{WP}"),
    ("matrix", f"/dossiers/{CREBO}/competenties"),
    ("zoeken", "/zoeken?q=offerte"),
    ("vakkennis", f"/dossiers/{CREBO}/vakkennis"),
    ("kwalificaties", "/kwalificaties"),
]
SIZES = [(1440, 900), (390, 844)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--server", required=True, help="path to the dossier-server binary")
    ap.add_argument("--screenshots", metavar="DIR", help="also save screenshots at 1440x900 and 390x844 here")
    ap.add_argument("--chromium", help="Chromium binary (default: chromium on PATH, or $CHROMIUM)")
    args = ap.parse_args()

    # A SIGTERM from CI should still stop the server (finally blocks run on SystemExit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    server = browser = None
    failures = 0
    try:
        binary = Path(args.server).absolute()
        if not os.access(binary, os.X_OK):
            raise Abort(f"server binary {binary} not found or not executable (build it: swift build -c release)")
        seed = parse_seed(SEED)
        if WP not in seed[0]:
            raise Abort(f"could not read {WP} from the seed {SEED}")
        browser = Browser(find_chromium(args.chromium))
        server = Server(str(binary), ROOT)
        print(f"server {binary.name} on {server.base}; browser {browser.binary}")
        checks = Checks(server, browser, seed)
        live = LiveChecks(server, browser.binary)
        def unreachable_api_shown():
            return unreachable_api(browser)

        for check in [*checks.all(), *live.all(), unreachable_api_shown]:
            try:
                print(f"ok   {check()}", flush=True)
            except Fail as e:
                failures += 1
                print(f"FAIL {getattr(check, '__name__', 'check')}: {e}", flush=True)
        if args.screenshots:
            out = Path(args.screenshots)
            out.mkdir(parents=True, exist_ok=True)
            for name, route in SCREENSHOTS:
                for w, h in SIZES:
                    path = out / f"{name}-{w}x{h}.png"
                    try:
                        browser.screenshot(f"{server.base}/#{route}", path, w, h)
                        print(f"shot {path}")
                    except Fail as e:
                        failures += 1
                        print(f"FAIL screenshot {path}: {e}")
    except Abort as e:
        print(f"browser test cannot run: {e}", file=sys.stderr)
        return 2
    finally:
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

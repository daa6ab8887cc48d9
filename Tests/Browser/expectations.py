"""What the browse page must show, from the published seed text of dossier 23292 (not from
the API, so a wrong API answer and a wrong page both fail), and the page's security headers."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "Tests/DossierTests/Fixtures/kd-23292-aftersales-mobiliteitsbranche.txt"
CREBO = "23292"
WP = "B1-K2-W3"
WP_TITEL = (
    "Begeleidt en adviseert klanten bij aankoop/gebruik van producten en/of diensten "
    "en handelt transacties af"
)

# The fields the server sends with every static file (see /work/coord/PAGE-HEADERS.md and
# issue 14): a strict policy with no inline script or style.
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; "
        "require-trusted-types-for 'script'; trusted-types 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Static files whose responses must carry PAGE_HEADERS (the page, a module, the style sheet).
STATIC_PATHS = ["/", "/index.html", "/app.mjs", "/views/werkproces.mjs", "/style.css"]

# Dossier 23181 has additions per profiel (SBB's XML export, aanvulling_checks.py): a werkproces
# with four, the kerntaak with six, and a composed kwalificatie of a profiel that has them.
AANVULLING_ROUTES = [
    "/dossiers/23181/werkprocessen/B1-K1-W2", "/dossiers/23181/kerntaken/B1-K1", "/kwalificaties/25477",
]

# A kwalificatie's composed kerntaak and werkproces (their own pages, the alias addresses,
# and a kwalificatie without a crebo).
COMPOSED_ROUTES = [
    "/dossiers/23181/kwalificaties/P3/werkprocessen/B1-K1-W2", "/dossiers/23181/kwalificaties/P3/kerntaken/B1-K1",
    "/kwalificaties/25477/werkprocessen/B1-K1-W2", "/kwalificaties/25477/kerntaken/B1-K1",
    "/dossiers/23292/kwalificaties/P2/werkprocessen/P2-K1-W1", "/dossiers/23292/kwalificaties/P2/kerntaken/P2-K1",
]

# Pages that must not be wider than a 390 px phone.
PHONE_ROUTES = [
    f"/dossiers/{CREBO}/competenties", f"/dossiers/{CREBO}/vakkennis",
    f"/dossiers/{CREBO}/werkprocessen/B1-K2-W2", f"/dossiers/{CREBO}", "/zoeken?q=fabrikant", "/kwalificaties",
    "/dossiers/23189/generieke-onderdelen", *AANVULLING_ROUTES, *COMPOSED_ROUTES[:2],
]

# Every kind of page, visited under the page headers: none may report a CSP violation.
CSP_ROUTES = [
    "/dossiers", "/", f"/dossiers/{CREBO}", f"/dossiers/{CREBO}/typering", "/dossiers/23189/generieke-onderdelen",
    f"/dossiers/{CREBO}/kwalificaties", f"/dossiers/{CREBO}/kwalificaties/P1", "/kwalificaties", "/kwalificaties/25712",
    f"/dossiers/{CREBO}/kerntaken", f"/dossiers/{CREBO}/kerntaken/B1-K2", f"/dossiers/{CREBO}/werkprocessen",
    f"/dossiers/{CREBO}/werkprocessen/{WP}", f"/dossiers/{CREBO}/werkprocessen/P2-K1-W1",
    f"/dossiers/{CREBO}/keuzedelen", f"/dossiers/{CREBO}/competenties", f"/dossiers/{CREBO}/vakkennis",
    f"/dossiers/{CREBO}/vakkennis/vk1",
    "/competenties", "/competenties/C", "/zoeken", "/zoeken?q=offerte", "/zoeken?q=de&soort=gedrag",
    "/dossiers/99999", "/onbekend/pad", *AANVULLING_ROUTES, *COMPOSED_ROUTES,
]

SCREENSHOTS = [
    ("werkproces", f"/dossiers/{CREBO}/werkprocessen/{WP}"),
    ("matrix", f"/dossiers/{CREBO}/competenties"),
    ("zoeken", "/zoeken?q=offerte"),
    ("vakkennis", f"/dossiers/{CREBO}/vakkennis"),
    ("kwalificaties", "/kwalificaties"),
    ("aanvulling", AANVULLING_ROUTES[0]),
    ("kwalificatie", AANVULLING_ROUTES[2]),
    ("samengesteld", COMPOSED_ROUTES[0]),
]
SIZES = [(1440, 900), (390, 844)]


def parse_seed(path=SEED):
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


def seed_crebo_of(titel, path=SEED):
    """The crebo the seed gives a kwalificatie ("» Adviseur ... (Crebonr. 25712)"), or None."""
    m = re.search(re.escape(titel) + r" \(Crebonr\. (\d{5})\)", path.read_text(encoding="utf-8"))
    return m.group(1) if m else None


def seed_keuzedelen_link(path=SEED):
    text = path.read_text(encoding="utf-8")
    m = re.search(r"keuzedelen voor dit kwalificatiedossier zijn te vinden op <([^>]+)>", text)
    return m.group(1) if m else None

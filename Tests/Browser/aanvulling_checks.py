"""Checks on the additions per profiel ("Voor <profiel> geldt aanvullend:") and the composed
kwalificatie page, against SBB's XML export of dossier 23181 (the test fixture, not the API),
and on the kwalificatie's Moodle and Canvas download links."""

import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

from expectations import ROOT
from outcome import Fail, expect

HEADINGS = ("h2", "h3", "h4", "h5", "h6")
EXPORT = ROOT / "Tests/DossierTests/Fixtures/4156-maatschappelijke-zorg.xml"
# A composed werkproces of one kwalificatie: (werkproces code, profiel code).
COMPOSED = ("B1-K1-W2", "P3")


def norm(text):
    return " ".join(text.split())


def parse_export(path=EXPORT):
    """What the export says about the additions to its basis werkprocessen.

    Returns (crebo, profielen, werkprocessen): profielen maps a profiel's nr to {"titel",
    "crebo", "code"} (the published code: P{profiel hoofdstuk}); werkprocessen is a list in
    document order of {"code", "titel", "aanvullend"},
    where aanvullend maps a profiel nr to {"omschrijving": text or None, "gedrag": [bullets]}
    for every profiel with a non-empty addition of any kind (texts or competentie references).
    The code is the published one: B1-K{kerntaak hoofdstuk}-W{werkproces hoofdstuk}.
    """
    dossier = ET.parse(path).getroot().find(".//dossier")
    crebo = dossier.findtext("dossiercrebos/dossiercrebo").strip()
    profielen = {
        p.get("nr"): {"titel": p.get("titel"), "crebo": p.findtext("creboinformatie/crebo").strip(),
                      "code": f"P{p.get('hoofdstuk')}"}
        for p in dossier.iter("profiel") if p.get("titel")
    }
    werkprocessen = []
    for kerntaak in dossier.findall("basis/basistaken/basiskerntaken/kerntaak"):
        for wp in kerntaak.findall("basiswerkprocessen/werkproces"):
            aanvullend = {}
            for per in wp.iter():
                if not per.tag.endswith("perprofiel"):
                    continue
                for a in per.findall("aanvullend"):
                    omschrijving = a.find("omschrijving")
                    tekst = "".join(omschrijving.itertext()).strip() if omschrijving is not None else ""
                    refs = [e for e in a.iter() if e.tag != "profiel" and e.get("referentie")]
                    if not tekst and not refs:
                        continue  # an empty addition is no addition
                    nr = a.find("profiel").get("referentie")
                    entry = aanvullend.setdefault(nr, {"omschrijving": None, "gedrag": []})
                    if per.tag == "werkprocesomschrijvingperprofiel":
                        entry["omschrijving"] = tekst
                    elif per.tag == "werkprocesgedragperprofiel":
                        entry["gedrag"] = [line.strip()[1:].strip() for line in tekst.splitlines()
                                           if line.strip().startswith("-")]
            code = f"B1-K{kerntaak.get('hoofdstuk')}-W{wp.get('hoofdstuk')}"
            werkprocessen.append({"code": code, "titel": wp.get("titel"), "aanvullend": aanvullend})
    return crebo, profielen, werkprocessen


def lead_line(titel):
    return f"Voor {titel} geldt aanvullend:"


def lead_of(section):
    """The heading that opens an addition's section."""
    kop = next((c for c in section.children if not isinstance(c, str) and c.tag in HEADINGS), None)
    expect(kop is not None, f"the addition {section.attrs} has no heading")
    return kop.norm_text()


def addition_sections(node, code=True):
    """The addition sections of the item `code` (any item: True) under `node`, by their lead line."""
    return {lead_of(s): s for s in node.all("section", data_aanvulling=code)}


class AanvullingChecks:
    """Mixed into PageChecks, which gives `page(route)` and `server`."""

    def _example(self):
        """The first basis werkproces with an omschrijving added for one profiel and not for
        another: (crebo, werkproces, profiel with it, profiel without it)."""
        if not hasattr(self, "_aanvulling_example"):
            crebo, profielen, werkprocessen = parse_export()
            for wp in werkprocessen:
                met = [nr for nr, a in wp["aanvullend"].items() if a["omschrijving"] and a["gedrag"]]
                zonder = [nr for nr in profielen if nr not in wp["aanvullend"]]
                if met and zonder:
                    self._aanvulling_example = (crebo, wp, profielen, met[0], zonder[0])
                    break
            else:
                raise Fail(f"no werkproces in {EXPORT.name} has an addition for one profiel and none for another")
        return self._aanvulling_example

    def _on_kwalificatie(self, crebo, code, what=""):
        """The main of kwalificatie `crebo`'s page and the section of werkproces `code` on it."""
        main = self.page(f"/kwalificaties/{crebo}").one("main")
        return main, main.one("section", data_werkproces=code, what=what)

    def aanvulling_on_werkproces(self):
        crebo, wp, profielen, met, _ = self._example()
        code, addition = wp["code"], wp["aanvullend"][met]
        main = self.page(f"/dossiers/{crebo}/werkprocessen/{code}").one("main")
        h1 = main.one("h1", id="titel").norm_text()
        expect(code in h1 and norm(wp["titel"]) in h1, f"h1 reads {h1!r}, the export names {code} {wp['titel']!r}")
        shown = addition_sections(main, code)
        want = {lead_line(profielen[nr]["titel"]) for nr in wp["aanvullend"]}
        expect(set(shown) == want, f"{code} shows the additions {sorted(shown)}, the export has {sorted(want)}")
        s = shown[lead_line(profielen[met]["titel"])]
        expect(norm(addition["omschrijving"]) in s.norm_text(),
               f"the {profielen[met]['titel']} addition of {code} lacks its omschrijving {addition['omschrijving']!r}")
        bullets = [li.norm_text() for li in s.one("ul", **{"class": "gedrag"}).all("li")]
        expect(bullets == [norm(g) for g in addition["gedrag"]],
               f"gedrag added for {profielen[met]['titel']}: page {bullets}, export {addition['gedrag']}")
        # Apart from the basis: the basis lists and texts do not hold the addition.
        basis = [t.norm_text() for t in main.all("section", **{"class": "deel"}) if not in_addition(t)]
        expect(basis and not any(norm(addition["omschrijving"]) in t for t in basis),
               f"the addition of {code} is merged into a basis text")
        expect(main.all("ul", data_gedrag=code), f"{code} shows no basis gedrag list")
        return (f"{crebo} {code}: {len(shown)} additions under 'Voor … geldt aanvullend:' as in the export; "
                f"{profielen[met]['titel']}'s omschrijving and {len(bullets)} gedrag lines apart from the basis")

    def aanvulling_in_kwalificatie(self):
        _, wp, profielen, met, _ = self._example()
        code, addition, profiel = wp["code"], wp["aanvullend"][met], profielen[met]
        main, item = self._on_kwalificatie(profiel["crebo"], code, f"on the kwalificatie page of {profiel['crebo']}")
        shown = addition_sections(item, code)
        expect(list(shown) == [lead_line(profiel["titel"])],
               f"{code} on kwalificatie {profiel['crebo']} shows the additions {sorted(shown)}")
        expect(norm(addition["omschrijving"]) in item.norm_text(), f"{code} on {profiel['crebo']} lacks its addition")
        # Never another profiel's addition, on any kerntaak or werkproces of the page.
        alle = [lead_of(s) for s in main.all("section", data_aanvulling=True)]
        expect(set(alle) == {lead_line(profiel["titel"])},
               f"kwalificatie {profiel['crebo']} shows the additions {sorted(set(alle))}")
        return (f"kwalificatie {profiel['crebo']} ({profiel['titel']}): {code} with its addition; "
                f"all {len(alle)} additions on the page are its own")

    def aanvulling_absent_elsewhere(self):
        _, wp, profielen, met, zonder = self._example()
        code, addition, ander = wp["code"], wp["aanvullend"][met], profielen[zonder]
        main, item = self._on_kwalificatie(ander["crebo"], code,
                                           f"(a basis werkproces) on kwalificatie {ander['crebo']}")
        expect(norm(wp["titel"]) in item.norm_text(), f"{code} on {ander['crebo']} lacks its title")
        tekst = main.norm_text()
        expect(norm(addition["omschrijving"]) not in tekst,
               f"kwalificatie {ander['crebo']} shows {profielen[met]['titel']}'s addition to {code}")
        expect(lead_line(profielen[met]["titel"]) not in tekst,
               f"kwalificatie {ander['crebo']} shows a 'Voor {profielen[met]['titel']} geldt aanvullend:'")
        expect(not addition_sections(item, code), f"{code} on {ander['crebo']} shows an addition it does not have")
        return (f"kwalificatie {ander['crebo']} ({ander['titel']}): {code} without "
                f"{profielen[met]['titel']}'s addition")

    def lms_export_links(self):
        _, _, profielen, met, _ = self._example()
        kwalificatie = profielen[met]["crebo"]
        status, doc = self.server.json(f"/api/v1/kwalificaties/{kwalificatie}")
        expect(status == 200, f"/api/v1/kwalificaties/{kwalificatie} answered {status}")
        main = self.page(f"/kwalificaties/{kwalificatie}").one("main")
        out = []
        for relation, label, header in [("moodle", "Moodle", "ID number"), ("canvas", "Canvas", "vendor_guid")]:
            a = main.one("a", data_export=relation, what=f"(the {label} download) on kwalificatie {kwalificatie}")
            href = a.attrs.get("href")
            linked = doc["links"].get(relation)
            expect(href == linked, f"{label} link is {href!r}, the API links {linked!r}")
            expect(label in a.norm_text() and "(CSV)" in a.norm_text(), f"{label} link reads {a.norm_text()!r}")
            with urllib.request.urlopen(self.server.base + href, timeout=10) as r:
                kind, body = r.headers.get("Content-Type", ""), r.read()
                expect(r.status == 200 and kind.startswith("text/csv"), f"{href} answered {r.status} {kind}")
                expect("attachment" in r.headers.get("Content-Disposition", ""), f"{href} is not an attachment")
            first = body.decode("utf-8-sig").splitlines()[0]
            expect(header in first, f"{href} starts {first[:80]!r}, without {header!r}")
            out.append(f"{relation} {len(body)} bytes")
        return (f"kwalificatie {kwalificatie}: Moodle and Canvas links as the API links them, "
                f"200 text/csv attachments ({', '.join(out)})")

    def composed_werkproces(self):
        """A kwalificatie's composed werkproces: the basis texts, its own profiel's addition
        apart, never another profiel's; reached from the kwalificatie page's link."""
        crebo, profielen, werkprocessen = parse_export()
        code, profiel_code = COMPOSED
        wp = next((w for w in werkprocessen if w["code"] == code), None)
        expect(wp is not None, f"{EXPORT.name} has no werkproces {code}")
        nr = next(nr for nr, p in profielen.items() if p["code"] == profiel_code)
        profiel, addition = profielen[nr], wp["aanvullend"].get(nr)
        anderen = {n: a for n, a in wp["aanvullend"].items() if n != nr}
        expect(addition and addition["omschrijving"] and anderen,
               f"{code} in {EXPORT.name} should have an addition for {profiel_code} and for another profiel")
        route = f"/dossiers/{crebo}/kwalificaties/{profiel_code}/werkprocessen/{code}"
        link = self._on_kwalificatie(profiel["crebo"], code)[1].one("a")
        expect(link.attrs.get("href") == "#" + route, f"the kwalificatie page links {code} to {link.attrs.get('href')}")
        dom = self.page(route)
        main = dom.one("main")
        expect(not main.all(id="fout"), f"#{route} shows an error: {main.norm_text()[:200]!r}")
        h1 = main.one("h1", id="titel").norm_text()
        expect(code in h1 and norm(wp["titel"]) in h1, f"h1 reads {h1!r}, the export names {code} {wp['titel']!r}")
        # The tree has no node for it: its kwalificatie's node stands for it.
        marked = [a.attrs.get("data-route") for a in dom.all(role="treeitem", aria_current="page")]
        expect(marked == [f"/dossiers/{crebo}/kwalificaties/{profiel_code}"], f"the tree marks {marked}")
        shown = addition_sections(main, code)
        expect(list(shown) == [lead_line(profiel["titel"])], f"#{route} shows the additions {sorted(shown)}")
        s = shown[lead_line(profiel["titel"])]
        expect(norm(addition["omschrijving"]) in s.norm_text(), f"#{route} lacks {profiel_code}'s omschrijving")
        bullets = [li.norm_text() for li in s.one("ul", **{"class": "gedrag"}).all("li")]
        expect(bullets == [norm(g) for g in addition["gedrag"]],
               f"gedrag added: page {bullets}, export {addition['gedrag']}")
        tekst = main.norm_text()
        for n, a in anderen.items():
            expect(lead_line(profielen[n]["titel"]) not in tekst, f"#{route} shows {profielen[n]['titel']}'s lead line")
            expect(not a["omschrijving"] or norm(a["omschrijving"]) not in tekst,
                   f"#{route} shows {profielen[n]['titel']}'s addition")
        basis = [t.norm_text() for t in main.all("section", **{"class": "deel"}) if not in_addition(t)]
        expect(main.all("ul", data_gedrag=code) and not any(norm(addition["omschrijving"]) in t for t in basis),
               f"#{route}: no basis gedrag list, or the addition merged into a basis text")
        href = main.one("a", data_basis=code).attrs.get("href")
        expect(href == f"#/dossiers/{crebo}/werkprocessen/{code}", f"the basis link of #{route} is {href!r}")
        # A search hit in this addition opens this page.
        woorden = " ".join(addition["omschrijving"].split()[-5:]).rstrip(".")
        hits = self.page(f"/zoeken?q={urllib.parse.quote_plus(woorden)}").one(id="zoekresultaten").all(
            "li", data_code=code)
        eigen = [li for li in hits if f"aanvullend voor {profiel['titel']}" in li.norm_text()]
        expect(eigen and eigen[0].one("a").attrs.get("href") == "#" + route,
               f"search for {woorden!r}: the {profiel_code} hit of {code} links {[li.one('a').attrs for li in eigen]}")
        kruimels = [a.norm_text() for a in main.one("nav", **{"class": "kruimels"}).all("a")]
        expect(kruimels[-2] == profiel["titel"] and kruimels[-1].startswith(code.rsplit("-", 1)[0] + " "),
               f"breadcrumbs {kruimels}")
        return (f"#{route}: linked from kwalificatie {profiel['crebo']}, only 'Voor {profiel['titel']} geldt "
                f"aanvullend:' as in the export (none of the {len(anderen)} others), basis link, "
                f"breadcrumbs {kruimels}")

    def composed_without_crebo(self):
        """P2 of 23292 has no crebo in its source: its composed werkproces has a page all the same."""
        route = "/dossiers/23292/kwalificaties/P2/werkprocessen/P2-K1-W1"
        status, doc = self.server.json("/api/v1" + route)
        expect(status == 200 and doc["kwalificatie"]["crebo"] is None, f"API {route} answered {status}")
        main = self.page(route).one("main")
        expect(not main.all(id="fout"), f"#{route} shows an error: {main.norm_text()[:200]!r}")
        h1 = main.one("h1", id="titel").norm_text()
        expect(h1 == f"{doc['code']} {doc['titel']}", f"h1 reads {h1!r}")
        tekst = main.norm_text()
        expect(f"{doc['kwalificatie']['titel']} (P2)" in tekst and "crebo None" not in tekst,
               f"#{route} names its kwalificatie as {tekst[:300]!r}")
        leeg = [s.norm_text() for s in main.all("span", **{"class": "leeg"})]
        expect(leeg.count("niet vermeld in de bron") >= 4, f"#{route} marks {leeg} as missing")
        href = main.one("a", data_basis="P2-K1-W1").attrs.get("href")
        expect(href == "#/dossiers/23292/werkprocessen/P2-K1-W1", f"the basis link of #{route} is {href!r}")
        return f"#{route}: loads without a crebo, texts 'niet vermeld in de bron', basis link"

    def aanvulling_checks(self):
        return [self.aanvulling_on_werkproces, self.aanvulling_in_kwalificatie, self.aanvulling_absent_elsewhere,
                self.lms_export_links, self.composed_werkproces, self.composed_without_crebo]


def in_addition(node):
    return any("aanvulling" in a.attrs.get("class", "").split() for a in node.ancestors())

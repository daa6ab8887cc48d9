"""Checks on the DOM the page renders (Chromium's --dump-dom), against the seed text."""

from aanvulling_checks import AanvullingChecks
from expectations import CREBO, WP, WP_TITEL, seed_crebo_of, seed_keuzedelen_link
from outcome import Fail, expect
from page_dom import visible
from search_checks import SearchChecks


class PageChecks(SearchChecks, AanvullingChecks):
    """`site` serves the page (the server, or the header proxy in front of it); `server`
    answers the API questions the checks ask themselves."""

    def __init__(self, server, site, browser, seed):
        self.server, self.site, self.browser = server, site, browser
        self.wps, self.vakkennis = seed
        self.comp_codes = {}  # competence name → column code, read from the matrix headers

    def page(self, route):
        return self.browser.dom(f"{self.site.base}/#{route}")

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
        return (f"deep link {route}: tree shows and marks it, {len(gedrag)} gedrag lines and {len(comps)} "
                "competenties as in the seed, API link")

    def dossier_page(self):
        dom = self.page(f"/dossiers/{CREBO}")
        item = dom.one(role="treeitem", data_route=f"/dossiers/{CREBO}/werkprocessen/{WP}", what="in the dossier tree")
        expect(WP_TITEL in item.norm_text(), f"tree item for {WP} reads {item.norm_text()!r}")
        main = dom.one("main")
        li = main.one("li", data_werkproces=WP, what="in the dossier's kerntaken list")
        expect(WP_TITEL in li.norm_text(), f"dossier page lists {WP} as {li.norm_text()!r}")
        # P1's crebo is in the seed; P2's is not, so the page must say so instead of inventing one.
        p1 = main.one("li", data_kwalificatie="P1").norm_text()
        crebo = seed_crebo_of("Adviseur mobiliteitsbranche")
        expect(crebo and f"Crebo {crebo}" in p1, f"P1 card reads {p1!r}, seed crebo {crebo}")
        p2 = main.one("li", data_kwalificatie="P2").norm_text()
        expect("Crebo niet vermeld in de bron" in p2, f"P2 card reads {p2!r}")
        url = seed_keuzedelen_link()
        links = main.all("a", href=url)
        expect(links, f"no link to the keuzedelen page {url}")
        expect(links[0].attrs.get("target") == "_blank", "keuzedelen link does not open a new tab")
        return (f"dossier page: tree and kerntaken list show {WP}, P2 crebo 'niet vermeld in de bron', "
                f"keuzedelen link {url}")

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
                    expect("●" in td.text() and "ja" in td.text(),
                           f"mark {code}×{td.attrs['data-competentie']} is colour-only")
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
        return (f"competentie {code} ({naam}): {len(want)} werkprocessen of {CREBO} as in the seed, "
                f"plus dossiers {sorted(andere)}")

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

    def api_errors_shown(self):
        out = []
        for route in ["/dossiers/99999", f"/dossiers/{CREBO}/werkprocessen/B1-K9-W9"]:
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
        links = main.all("a", **{"class": "extern adres"})
        expect(links, "no external links on the generieke onderdelen page of 23189")
        for a in links:
            tekst = a.norm_text().replace(" (opent in een nieuw tabblad)", "")
            expect(a.attrs["href"] == "https://" + tekst, f"link {tekst!r} points to {a.attrs['href']!r}")
        hrefs = [a.attrs.get("href", "") for a in main.all("a", target="_blank")]
        expect(all(h.startswith(("https://", "http://", "mailto:")) for h in hrefs),
               f"relative external links: {hrefs}")
        return f"23189 generieke onderdelen: {len(links)} bron links shown verbatim, href https://{tekst}"

    def kwalificaties_per_dossier(self):
        _, lijst = self.server.json("/api/v1/kwalificaties")
        main = self.page("/kwalificaties").one("main")
        secties = main.all("section", data_dossier=True)
        want = {}
        for k in lijst["items"]:
            want.setdefault(k["dossier"]["crebo"], []).append(k["code"])
        shown = {
            s.attrs["data-dossier"]: [li.attrs["data-kwalificatie"] for li in s.all("li", data_kwalificatie=True)]
            for s in secties
        }
        expect(shown == want, f"#/kwalificaties groups {shown}, the API {want}")
        for s in secties:
            kop = s.one("h2").norm_text()
            expect(f"crebo {s.attrs['data-dossier']}" in kop, f"dossier heading reads {kop!r}")
        return f"#/kwalificaties grouped per dossier: {shown}"

    def texts_and_wording(self):
        # Singular: competence Y has one werkproces in the embedded data (C had one until 23181 came).
        _, c = self.server.json("/api/v1/competenties/Y")
        expect(len(c["werkprocessen"]) == 1,
               f"competence Y now has {len(c['werkprocessen'])} werkprocessen; pick another")
        tekst = self.page("/competenties/Y").one("main").norm_text()
        expect("1 werkproces in 1 dossier steunt op deze competentie" in tekst,
               f"competence Y page reads {tekst[:200]!r}")
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
        return ("singular '1 werkproces … steunt', Kerntaken breadcrumb, print line with crebo, "
                "P2-K1 en P2-K2 without vakkennis named, #inhoud shows the overview")

    def all(self):
        return [
            self.home_lists_dossiers, self.werkproces_deep_link, self.dossier_page, self.matrix_marks,
            self.profiel_werkproces_unknown,
            self.competentie_everywhere, self.vakkennis_shared, self.kwalificatie_whole,
            self.search_offerte, self.api_errors_shown,
            self.bron_links, self.kwalificaties_per_dossier, self.texts_and_wording, self.search_hit_codes,
            *self.aanvulling_checks(),
        ]


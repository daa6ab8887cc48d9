"""Checks on the search page's rendered DOM: hits, their groups, links, marks and codes."""

from expectations import CREBO, WP
from outcome import expect


class SearchChecks:
    """Mixed into PageChecks, which gives `page(route)`."""

    def search_offerte(self):
        dom = self.page("/zoeken?q=offerte")
        res = dom.one(id="zoekresultaten")
        hits = res.all("li", data_code=WP)
        expect(hits, f"search for offerte does not list {WP}")
        for li in hits:
            a = li.one("a")
            expect(a.attrs.get("href") == f"#/dossiers/{CREBO}/werkprocessen/{WP}",
                   f"hit links to {a.attrs.get('href')}")
            marks = [m.norm_text().lower() for m in li.all("mark")]
            expect(any("offerte" in m for m in marks), f"hit for {WP} has no highlighted 'offerte': {li.norm_text()!r}")
            group = next(n for n in li.ancestors() if n.tag == "section")
            expect(group.attrs.get("data-soort") == li.attrs.get("data-soort"), "hit sits in the wrong group")
        groups = [s.attrs["data-soort"] for s in res.all("section", data_soort=True)]
        return f"search 'offerte': {WP} listed {len(hits)}× with <mark>offerte</mark>, groups {groups}"

    def search_hit_codes(self):
        res = self.page("/zoeken?q=engels").one(id="zoekresultaten")
        for li in res.all("li", data_soort="generiek-onderdeel"):
            expect(not li.one("a").all(**{"class": "code"}),
                   f"generic part hit repeats its code: {li.one('a').norm_text()!r}")
        res = self.page("/zoeken?q=kennis&soort=vakkennis").one(id="zoekresultaten")
        hits = res.all("li", data_soort="vakkennis")
        expect(hits, "no vakkennis hits for 'kennis'")
        for li in hits:
            expect(not li.one("a").all(**{"class": "code"}), f"vakkennis hit shows an id: {li.one('a').norm_text()!r}")
        return f"search hits: no code for vakkennis ({len(hits)} hits) nor when it equals the title"


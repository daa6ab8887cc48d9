"""Checks in a live page over the DevTools protocol (layout and focus), and the page with
its API away."""

from devtools import Devtools
from expectations import CREBO, PAGE_HEADERS, PHONE_ROUTES
from outcome import expect
from servers import NoApi
from waiting import wait_until

MORE_HITS_TIMEOUT_S = 10


class LiveChecks:
    def __init__(self, site, chromium, browser):
        self.site, self.chromium, self.browser = site, chromium, browser

    def phone_width(self):
        # Nothing may make the page wider than a 390 px phone (the matrix did: 876 px).
        dt = Devtools(self.chromium, 390, 844)
        try:
            sizes = []
            for route in PHONE_ROUTES:
                dt.goto(f"{self.site.base}/#{route}")
                breed, vp = dt.js("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
                expect(breed <= vp, f"#{route} at 390x844: document scrollWidth {breed} > viewport {vp}")
                sizes.append(breed)
            return f"390x844: scrollWidth {sorted(set(sizes))} = viewport on {len(PHONE_ROUTES)} pages"
        finally:
            dt.close()

    def search_focus_and_field(self):
        dt = Devtools(self.chromium, 1440, 900)
        try:
            dt.goto(f"{self.site.base}/#/zoeken?q=de")
            expect(dt.js("document.getElementById('zoekveld').value") == "de", "search field does not show the query")
            count = "document.querySelectorAll('#zoekresultaten li').length"
            voor = dt.js(count)
            expect(dt.js("!!document.getElementById('meer-treffers')"), "'q=de' has no 'Meer treffers laden' button")
            dt.js("const more = document.getElementById('meer-treffers'); more.focus(); more.click(); true")
            wait_until(lambda: dt.js(count) > voor, MORE_HITS_TIMEOUT_S, "'Meer treffers laden' loaded no more hits")
            focus = dt.js("[document.activeElement.tagName, document.activeElement.closest('li')?.dataset.nr ?? null]")
            expect(focus == ["A", str(voor)],
                   f"after 'Meer treffers laden' the focus is on {focus}, not the first new hit ({voor})")
            # An address changed while the field has the focus: the field follows it.
            dt.js("document.getElementById('zoekveld').focus(); true")
            dt.hash("#/zoeken?q=klacht")
            veld = dt.js("document.getElementById('zoekveld').value")
            expect(veld == "klacht", f"field reads {veld!r} on #/zoeken?q=klacht")
            dt.hash(f"#/dossiers/{CREBO}")
            veld = dt.js("document.getElementById('zoekveld').value")
            expect(veld == "", f"field still reads {veld!r} off the search page")
            dt.back()
            veld = dt.js("document.getElementById('zoekveld').value")
            expect(veld == "klacht", f"after Back the field reads {veld!r}")
            return (f"'Meer treffers laden': focus on hit {voor} (the first new one); "
                    "field follows the address (klacht / empty / Back)")
        finally:
            dt.close()

    def unreachable_api(self):
        api = NoApi(PAGE_HEADERS)
        try:
            dom = self.browser.dom(f"{api.base}/#/dossiers/{CREBO}")
            fout = dom.one(id="fout", what="(error box) with the API away")
            tekst = fout.norm_text()
            expect("Failed to fetch" not in tekst and "niet bereikbaar" in tekst, f"error box reads {tekst!r}")
            knoppen = [b.norm_text() for b in fout.all("button")]
            expect("Opnieuw proberen" in knoppen, f"no retry button in {tekst!r}")
            return f"API away: {fout.one('h1').norm_text()!r} with 'Opnieuw proberen'"
        finally:
            api.stop()

    def all(self):
        return [self.phone_width, self.search_focus_and_field, self.unreachable_api]

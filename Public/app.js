// Bladerpagina voor de kwalificatiedossier-API.
// Plain DOM, no framework, no build step: school intranets are often offline and the
// page must stay readable for whoever maintains it next.
//
// Three rules hold throughout:
//  1. The address mirrors the API: #/dossiers/23292/werkprocessen/B1-K2-W3 shows
//     /api/v1/dossiers/23292/werkprocessen/B1-K2-W3, so API links turn into page links by
//     swapping the prefix, and every page can show its own API link.
//  2. API text is only ever inserted as text (textContent / text nodes), never as HTML.
//  3. Errors from the API are shown on the page, with the problem's own title and detail.
'use strict';

(() => {
  const API = '/api/v1';
  const NIET = 'niet vermeld in de bron';
  const main = document.getElementById('inhoud');
  const boom = document.getElementById('boomlijst');
  const zoekveld = document.getElementById('zoekveld');

  // ---------------------------------------------------------------- DOM helpers

  // h('a', {href: '#/'}, 'tekst', child, [more]) builds an element; strings become text
  // nodes, so API data can never turn into markup. null/false children are skipped.
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const kid of kids.flat(Infinity)) {
      if (kid != null && kid !== false) el.append(kid);
    }
    return el;
  }

  // "1 werkproces", "2 werkprocessen"
  const aantalWp = (n) => `${n} ${n === 1 ? 'werkproces' : 'werkprocessen'}`;

  const leeg = (tekst = NIET) => h('span', { class: 'leeg' }, tekst);
  const code = (c) => h('span', { class: 'code' }, c);

  // A heading of the given level (2..6), so the same block can sit at different depths
  // (a werkproces on its own page, inside a kerntaak, inside a whole kwalificatie).
  const kop = (niveau, ...kids) => h('h' + Math.min(niveau, 6), {}, ...kids);

  // Published texts separate paragraphs with a blank line; single line breaks are kept
  // by CSS (white-space: pre-line).
  function alineas(tekst) {
    if (tekst == null || tekst === '') return h('p', {}, leeg());
    return tekst.split(/\n\s*\n/).map((a) => h('p', {}, a.trim()));
  }

  // A list from the API: null means the source does not give it, [] that it gives none;
  // only a list with items is rendered by `toon`.
  function lijst(items, toon) {
    if (items == null) return h('p', {}, leeg());
    if (items.length === 0) return h('p', {}, leeg('geen'));
    return toon(items);
  }

  function sectie(niveau, titel, ...inhoud) {
    return h('section', { class: 'deel' }, kop(niveau, titel), ...inhoud);
  }

  // 2021-09-10 → 10-09-2021, the way the dossiers write dates; null stays null.
  const datum = (iso) => iso && iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3-$2-$1');
  const janee = (v) => (v == null ? leeg() : v ? 'Ja' : 'Nee');

  // rows: [label, value, alwaysShow]. Optional rows whose value is null are left out, so
  // a sparse source does not fill the page with "niet vermeld"; core rows always show.
  function gegevens(rows) {
    const dl = h('dl', { class: 'gegevens' });
    for (const [label, v, altijd] of rows) {
      if (v == null && !altijd) continue;
      dl.append(h('dt', {}, label), h('dd', {}, v == null ? leeg() : v));
    }
    return dl;
  }

  // An API path (/api/v1/x/y) as a page address (#/x/y).
  const pagina = (apiPad) => '#' + (apiPad.startsWith(API) ? apiPad.slice(API.length) || '/' : apiPad);

  const link = (apiPad, ...kids) => h('a', { href: pagina(apiPad) }, ...kids);

  // The dossier an address belongs to (for breadcrumbs and the tree).
  const dossierPad = (crebo) => `${API}/dossiers/${encodeURIComponent(crebo)}`;

  // Status messages for screen readers (copying, number of search hits).
  function melding(tekst) {
    const el = document.getElementById('melding');
    el.textContent = '';
    setTimeout(() => (el.textContent = tekst), 50);
  }

  // ---------------------------------------------------------------- API access

  class ApiFout extends Error {
    constructor(status, probleem, pad, oorzaak) {
      super(probleem?.detail || probleem?.title || oorzaak?.message || `HTTP ${status}`);
      this.status = status;
      this.probleem = probleem;
      this.pad = pad;
    }
  }

  // The data is read-only while the server runs, so each resource is fetched once per
  // page load; failed requests are forgotten so a retry really asks again.
  const cache = new Map();
  function haal(pad) {
    if (!cache.has(pad)) {
      const belofte = fetch(pad, { headers: { Accept: 'application/json' } }).then(
        async (res) => {
          const soort = res.headers.get('Content-Type') || '';
          const body = soort.includes('json') ? await res.json().catch(() => null) : null;
          if (!res.ok) throw new ApiFout(res.status, body, pad);
          if (body == null) throw new ApiFout(res.status, { title: 'Onverwacht antwoord', detail: `${pad} gaf geen JSON terug.` }, pad);
          return body;
        },
        (err) => {
          throw new ApiFout(0, null, pad, err);
        }
      );
      belofte.catch(() => cache.delete(pad));
      cache.set(pad, belofte);
    }
    return cache.get(pad);
  }

  // ---------------------------------------------------------------- page shell

  // Every item: breadcrumbs, the title as h1 (focused after navigation so screen readers
  // announce it), a toolbar with the API link and print button, then the body.
  function item({ titel, code: c, api, kruimels = [], body, afdrukken = true }) {
    document.title = `${c ? c + ' ' : ''}${titel}${titel === 'Kwalificatiedossiers' ? '' : ' – Kwalificatiedossiers'}`;
    return h(
      'article',
      { class: 'item', 'data-api': api },
      kruimels.length > 0 &&
        h('nav', { class: 'kruimels', 'aria-label': 'Kruimelpad' },
          h('ol', {}, kruimels.map(([t, href]) => h('li', {}, h('a', { href }, t))))),
      // Breadcrumbs are not printed; this line says on paper where the page belongs.
      kruimels.length > 1 &&
        h('p', { class: 'printkop' }, kruimels.slice(1).map(([t, , voluit]) => voluit ?? t).join(' › ')),
      h('h1', { id: 'titel', tabindex: '-1' }, c && code(c), c && ' ', titel),
      api && werkbalk(api, afdrukken),
      body,
      api && h('p', { class: 'printvoet' }, `Pagina: ${location.href} · API: ${new URL(api, location.href).href}`)
    );
  }

  function werkbalk(api, afdrukken) {
    const url = new URL(api, location.href).href;
    const veld = h('input', {
      id: 'api-link', type: 'text', readonly: true, value: url, 'data-api': api,
      'aria-label': 'API-link van dit onderdeel', spellcheck: 'false',
      onfocus: (e) => e.target.select(),
    });
    return h('div', { class: 'werkbalk' },
      h('span', { class: 'api-label', 'aria-hidden': 'true' }, 'API'),
      veld,
      h('button', { type: 'button', onclick: () => kopieer(veld) }, 'Kopieer API-link'),
      afdrukken && h('button', { type: 'button', onclick: () => window.print() }, 'Afdrukken'));
  }

  // navigator.clipboard only exists on https and localhost; intranets often serve plain
  // http, hence the execCommand fallback on the selected field.
  async function kopieer(veld) {
    try {
      await navigator.clipboard.writeText(veld.value);
      melding('API-link gekopieerd');
    } catch {
      veld.focus();
      veld.select();
      const gelukt = document.execCommand && document.execCommand('copy');
      melding(gelukt ? 'API-link gekopieerd' : 'Kopiëren lukt niet; de link is geselecteerd, kopieer hem met Ctrl+C');
    }
  }

  // Try the current page again, and the tree too when it could not be loaded either.
  function opnieuwProberen() {
    if (document.getElementById('boomfout')) {
      boomKlaar = laadBoom();
    }
    toon();
  }

  // The browser's own network errors ("Failed to fetch") are English and say nothing to
  // a reader: say it in Dutch and offer to try again.
  function foutmelding(err, opnieuw = opnieuwProberen) {
    const p = err.probleem;
    const onbereikbaar = err instanceof ApiFout && err.status === 0;
    document.title = 'Fout – Kwalificatiedossiers';
    const titel = p?.title || (onbereikbaar ? 'De server is niet bereikbaar' : err.status ? `Fout ${err.status}` : 'Er ging iets mis op deze pagina');
    const detail = p?.detail ||
      (onbereikbaar ? 'De gegevens konden niet worden opgehaald. Controleer de verbinding en probeer het opnieuw.'
        : err instanceof ApiFout ? `De server antwoordde met status ${err.status}.` : err.message);
    return h('section', { id: 'fout', class: 'fout', role: 'alert', 'data-status': err.status ?? '' },
      h('h1', { tabindex: '-1' }, titel),
      h('p', { class: 'detail' }, detail),
      (onbereikbaar || err.status >= 500) && h('p', {}, h('button', { type: 'button', class: 'opnieuw', onclick: opnieuw }, 'Opnieuw proberen')),
      err.pad && h('p', {}, 'Gevraagd: ', h('a', { href: err.pad }, err.pad)),
      h('p', {}, h('a', { href: '#/' }, 'Naar het overzicht van de dossiers')));
  }

  // ---------------------------------------------------------------- shared blocks

  // [label, href, label on paper (optional)]
  function dossierKruimels(d) {
    return [['Dossiers', '#/'], [d.titel, pagina(d.links.self), `${d.titel} (crebo ${d.crebo})`]];
  }

  function werkprocesDelen(wp, n) {
    return [
      sectie(n, 'Omschrijving', alineas(wp.omschrijving)),
      sectie(n, 'Resultaat', alineas(wp.resultaat)),
      sectie(n, 'Gedrag',
        lijst(wp.gedrag, (gedrag) =>
          [wp.gedragAanhef && h('p', {}, wp.gedragAanhef),
           h('ul', { class: 'gedrag', 'data-gedrag': wp.code }, gedrag.map((g) => h('li', {}, g)))])),
      sectie(n, 'Competenties',
        lijst(wp.competenties, (competenties) =>
          h('ul', { class: 'competenties', 'data-competenties': wp.code },
            competenties.map((c) => h('li', { 'data-competentie': c.code }, link(c.links.self, code(c.code), ' ', c.titel)))))),
    ];
  }

  // A kerntaak with every text; `n` is the heading level of its sections.
  function kerntaakDelen(kt, n) {
    return [
      kt.deel === 'profieldeel' && h('p', { class: 'sub' }, `Profieldeel ${kt.profiel ?? ''}`),
      sectie(n, 'Complexiteit', alineas(kt.complexiteit)),
      sectie(n, 'Verantwoordelijkheid en zelfstandigheid', alineas(kt.verantwoordelijkheidEnZelfstandigheid)),
      sectie(n, 'Vakkennis en vaardigheden',
        lijst(kt.vakkennis, (vakkennis) =>
          [kt.vakkennisAanhef && h('p', {}, kt.vakkennisAanhef),
           h('ul', { class: 'vakkennis' }, vakkennis.map((v) => h('li', {}, link(v.links.self, v.tekst))))])),
      sectie(n, 'Werkprocessen',
        kt.werkprocessen.map((wp) =>
          h('section', { class: 'werkproces', 'data-werkproces': wp.code },
            kop(n + 1, link(wp.links.self, code(wp.code), ' ', wp.titel)),
            werkprocesDelen(wp, n + 2)))),
    ];
  }

  // Kerntaken as a list with their werkprocessen (links only); profieldeel ones say so.
  function kerntakenLijst(kerntaken) {
    return h('ul', { class: 'kerntaken' },
      kerntaken.map((kt) =>
        h('li', { 'data-kerntaak': kt.code },
          link(kt.links.self, code(kt.code), ' ', kt.titel),
          kt.deel === 'profieldeel' && h('span', { class: 'sub' }, ` (profieldeel ${kt.profiel ?? ''})`),
          kt.werkprocessen?.length > 0 &&
            h('ul', {}, kt.werkprocessen.map((wp) =>
              h('li', { 'data-werkproces': wp.code }, link(wp.links.self, code(wp.code), ' ', wp.titel)))))));
  }

  function kwalificatieLijst(kwalificaties, n) {
    return h('ul', { class: 'kaarten' },
      kwalificaties.map((k) =>
        h('li', { class: 'kaart', 'data-kwalificatie': k.code },
          kop(n, link(k.links.self, code(k.code), ' ', k.titel)),
          h('p', { class: 'sub' }, 'Crebo ', k.crebo ?? leeg(), ' · mbo-niveau ', k.mboNiveau ?? leeg()),
          h('p', {}, 'Kerntaken die gelden:'),
          h('ul', {}, k.kerntaken.map((kt) =>
            h('li', { 'data-kerntaak': kt.code }, link(kt.links.self, code(kt.code), ' ', kt.titel)))))));
  }

  function keuzedelenBlok(overzicht, items) {
    return [
      h('p', {}, overzicht
        ? ['De keuzedelen bij dit dossier staan op de officiële SBB-pagina: ', externLink(overzicht)]
        : ['Een keuzedelenpagina is ', leeg(), '.']),
      items.length === 0
        ? h('p', {}, 'De bron somt zelf geen keuzedelen op.')
        : h('ul', { class: 'keuzedelen' }, items.map((k) =>
            h('li', {}, k.code && [code(k.code), ' '], k.url ? externLink(k.url, k.titel) : k.titel,
              k.sbu != null && h('span', { class: 'sub' }, ` (${k.sbu} sbu)`)))),
    ];
  }

  // The address an external link from the source points to: http(s) and mailto as they
  // are; a bare host name ("www.kwalificatiesmbo.nl", verbatim from the source) gets
  // https:// in front; anything else is no link (null).
  function externAdres(url) {
    const u = String(url).trim();
    if (/^(https?:\/\/|mailto:)\S+$/i.test(u)) return u;
    if (/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?:[/?#]\S*)?$/i.test(u)) return 'https://' + u;
    return null;
  }

  // External (SBB, wetten.overheid.nl) links open in a new tab; say so to everyone. The
  // text stays as the source gives it, also when the href had to be completed.
  function externLink(url, tekst = url) {
    const href = externAdres(url);
    if (href == null) return tekst;
    return h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: tekst === href ? 'extern' : 'extern adres' },
      tekst, h('span', { class: 'vh' }, ' (opent in een nieuw tabblad)'));
  }

  // ---------------------------------------------------------------- views
  // Each view gets the route parameters, the query and the API path the address
  // mirrors, and returns an item() or throws (the error is then shown instead).

  async function viewHome() {
    const api = API + '/dossiers';
    const lijst = await haal(api);
    return item({ titel: 'Kwalificatiedossiers', api, afdrukken: false, body: [
      h('p', {}, 'Lees de mbo-kwalificatiedossiers zoals ze gepubliceerd zijn: de typering, de kwalificaties, kerntaken en werkprocessen, en hoe ze samenhangen met de 25 competenties en de vakkennis. Zoek bovenaan in alle teksten.'),
      h('h2', {}, `Beschikbare dossiers (${lijst.aantal})`),
      h('ul', { class: 'kaarten', id: 'dossiers' },
        lijst.items.map((d) =>
          h('li', { class: 'kaart', 'data-crebo': d.crebo },
            h('h3', {}, link(d.links.self, d.titel)),
            gegevens([
              ['Crebo', d.crebo, true],
              ['Opleidingsdomein', d.opleidingsdomein && `${d.opleidingsdomein.titel}${d.opleidingsdomein.crebo ? ` (crebo ${d.opleidingsdomein.crebo})` : ''}`, true],
              ['Status', d.status, true],
              ['Geldig vanaf', datum(d.geldigVanaf), true],
            ]),
            h('p', {}, 'Kwalificaties:'),
            h('ul', {}, d.kwalificaties.map((k) =>
              h('li', {}, link(k.links.self, code(k.code), ' ', k.titel),
                h('span', { class: 'sub' }, ' · crebo ', k.crebo ?? leeg()))))))),
      h('h2', {}, 'Competenties'),
      h('p', {}, h('a', { href: '#/competenties' }, 'De 25 SBB-competenties'), ', elk met de werkprocessen die erop steunen, in alle dossiers.'),
    ] });
  }

  async function viewDossier({ crebo }, _q, api) {
    const d = await haal(api);
    const l = d.links;
    const od = d.opleidingsdomein;
    return item({
      titel: d.titel, code: d.crebo, api, kruimels: [['Dossiers', '#/']],
      body: [
        gegevens([
          ['Crebo', d.crebo, true],
          ['Opleidingsdomein', od && `${od.titel}${od.crebo ? ` (crebo ${od.crebo})` : ''}`, true],
          ['Versie', d.versie],
          ['Status', d.status, true],
          ['Penvoerder', d.penvoerder],
          ['Gevalideerd door', d.gevalideerdDoor],
          ['Gevalideerd op', datum(d.gevalideerdOp)],
          ['Vastgesteld door', d.vastgesteldDoor],
          ['Vastgesteld op', datum(d.vastgesteldOp)],
          ['Vastgesteld te', d.vastgesteldTe],
          ['Geldig vanaf', datum(d.geldigVanaf), true],
          ['Datum einde instroom', datum(d.datumEindeInstroom)],
          ['Datum einde opleiding', datum(d.datumEindeOpleiding)],
        ]),
        h('nav', { class: 'onderdelen', 'aria-label': 'Onderdelen van dit dossier' },
          h('ul', {},
            h('li', {}, h('a', { href: pagina(l.self) + '/typering' }, 'Typering')),
            h('li', {}, link(l.competenties, 'Competentiematrix')),
            h('li', {}, link(l.vakkennis, 'Vakkennis')),
            h('li', {}, link(l.keuzedelen, 'Keuzedelen')),
            h('li', {}, h('a', { href: pagina(l.self) + '/generieke-onderdelen' }, 'Generieke onderdelen')))),
        h('section', { class: 'deel' }, h('h2', {}, 'Typering van de beroepsgroep'), typeringDelen(d.typering, 3)),
        h('section', { class: 'deel' }, h('h2', {}, link(l.kwalificaties, 'Kwalificaties')),
          kwalificatieLijst(d.kwalificaties, 3)),
        h('section', { class: 'deel' }, h('h2', {}, link(l.kerntaken, 'Kerntaken en werkprocessen')),
          kerntakenLijst(d.kerntaken)),
        sectie(2, 'Keuzedelen', keuzedelenBlok(d.keuzedelen.overzicht, d.keuzedelen.items)),
      ],
    });
  }

  function typeringDelen(t, n) {
    return [
      sectie(n, 'Context', alineas(t.context)),
      sectie(n, 'Typerende beroepshouding', alineas(t.beroepshouding)),
      sectie(n, 'Resultaat van de beroepsgroep', alineas(t.resultaat)),
    ];
  }

  // Typering and generieke onderdelen are parts of the dossier resource itself; they get
  // their own address so they can be linked to and printed alone.
  async function viewTypering({ crebo }) {
    const api = dossierPad(crebo);
    const d = await haal(api);
    return item({ titel: 'Typering van de beroepsgroep', api, kruimels: dossierKruimels(d), body: typeringDelen(d.typering, 2) });
  }

  async function viewGeneriek({ crebo }) {
    const api = dossierPad(crebo);
    const d = await haal(api);
    return item({
      titel: 'Generieke onderdelen', api, kruimels: dossierKruimels(d),
      body: [
        d.generiekeOnderdelenInleiding && alineas(d.generiekeOnderdelenInleiding),
        d.generiekeOnderdelen.map((g) =>
          h('section', { class: 'deel' },
            h('h2', {}, g.naam),
            h('p', { class: 'sub' }, 'Geldt voor: ', g.niveaus == null ? 'elk niveau' : `mbo-niveau ${g.niveaus.join(', ')}`),
            alineas(g.omschrijving),
            h('p', {}, 'Wettelijke bron: ', g.bron ? externLink(g.bron) : leeg()))),
      ],
    });
  }

  async function viewKwalificaties(_p, _q, api) {
    const res = await haal(api);
    const d = res.dossier;
    const uitleg = h('p', {}, 'Elke kwalificatie met de kerntaken die ervoor gelden (basisdeel en het eigen profieldeel).');
    if (d) {
      return item({ titel: 'Kwalificaties', api, kruimels: dossierKruimels(d), body: [uitleg, kwalificatieLijst(res.items, 2)] });
    }
    // All dossiers: profiel codes (P1, P2…) repeat, so group the cards per dossier.
    const perDossier = new Map();
    for (const k of res.items) {
      const sleutel = k.dossier?.crebo ?? '';
      if (!perDossier.has(sleutel)) perDossier.set(sleutel, { dossier: k.dossier, items: [] });
      perDossier.get(sleutel).items.push(k);
    }
    return item({
      titel: 'Kwalificaties', api, kruimels: [['Dossiers', '#/']],
      body: [uitleg, [...perDossier.values()].map(({ dossier, items }) =>
        h('section', { class: 'deel', 'data-dossier': dossier?.crebo ?? '' },
          h('h2', {}, dossier ? [link(dossier.links.self, dossier.titel), h('span', { class: 'sub' }, ` (crebo ${dossier.crebo})`)] : 'Zonder dossier'),
          kwalificatieLijst(items, 3)))],
    });
  }

  // One kwalificatie with everything that applies to it: made to be printed whole.
  async function viewKwalificatie(_p, _q, api) {
    const k = await haal(api);
    return item({
      titel: k.titel, code: k.code, api,
      kruimels: [...dossierKruimels(k.dossier), ['Kwalificaties', pagina(k.links.parent)]],
      body: [
        gegevens([
          ['Crebo', k.crebo, true],
          ['Dossier', link(k.dossier.links.self, `${k.dossier.titel} (${k.dossier.crebo})`), true],
          ['Mbo-niveau', k.mboNiveau, true],
          ['EQF-niveau', k.eqfNiveau],
          ['Beroepsvereisten', k.beroepsvereisten == null ? null : janee(k.beroepsvereisten), true],
          ['Toelichting beroepsvereisten', k.toelichtingBeroepsvereisten],
          ['Soort opleiding', k.soortOpleiding],
          ['Beroepsgroep', k.beroepsgroep],
          ['Studiebelastingsuren', k.sbu],
          ['Geldig vanaf', datum(k.geldigVanaf), true],
          ['Datum einde instroom', datum(k.datumEindeInstroom)],
          ['Datum einde opleiding', datum(k.datumEindeOpleiding)],
        ]),
        k.typeringVanHetBeroep && sectie(2, 'Typering van het beroep', alineas(k.typeringVanHetBeroep)),
        sectie(2, 'Kerntaken die gelden', kerntakenLijst(k.kerntaken)),
        k.kerntaken.map((kt) =>
          h('section', { class: 'kerntaak', 'data-kerntaak': kt.code },
            h('h2', {}, link(kt.links.self, code(kt.code), ' ', kt.titel)),
            kerntaakDelen(kt, 3))),
      ],
    });
  }

  async function viewKerntaken({ crebo }, _q, api) {
    const [res, d] = await Promise.all([haal(api), haal(dossierPad(crebo))]);
    return item({ titel: 'Kerntaken en werkprocessen', api, kruimels: dossierKruimels(d), body: kerntakenLijst(res.items) });
  }

  async function viewKerntaak({ crebo }, _q, api) {
    const [kt, d] = await Promise.all([haal(api), haal(dossierPad(crebo))]);
    return item({
      titel: kt.titel, code: kt.code, api,
      kruimels: [...dossierKruimels(d), ['Kerntaken', pagina(d.links.kerntaken)]],
      body: kerntaakDelen(kt, 2),
    });
  }

  async function viewWerkprocessen({ crebo }, _q, api) {
    const [res, d] = await Promise.all([haal(api), haal(dossierPad(crebo))]);
    return item({
      titel: 'Werkprocessen', api, kruimels: dossierKruimels(d),
      body: h('ul', { class: 'kerntaken' }, res.items.map((wp) =>
        h('li', { 'data-werkproces': wp.code }, link(wp.links.self, code(wp.code), ' ', wp.titel)))),
    });
  }

  async function viewWerkproces({ crebo }, _q, api) {
    const [wp, d] = await Promise.all([haal(api), haal(dossierPad(crebo))]);
    const kt = d.kerntaken.find((k) => k.code === wp.kerntaak);
    return item({
      titel: wp.titel, code: wp.code, api,
      kruimels: [...dossierKruimels(d), ['Kerntaken', pagina(d.links.kerntaken)],
        kt ? [`${kt.code} ${kt.titel}`, pagina(kt.links.self)] : null].filter(Boolean),
      body: werkprocesDelen(wp, 2),
    });
  }

  async function viewKeuzedelen(_p, _q, api) {
    const k = await haal(api);
    return item({ titel: 'Keuzedelen', api, kruimels: dossierKruimels(k.dossier), body: keuzedelenBlok(k.overzicht, k.items) });
  }

  // A mark that is not colour-only: a visible ● plus the word "ja" for screen readers.
  function merkcel(aan, attrs) {
    return h('td', { ...attrs, 'data-mark': aan ? 'ja' : 'nee', class: aan ? 'aan' : null },
      aan && h('span', { 'aria-hidden': 'true' }, '●'), aan && h('span', { class: 'vh' }, 'ja'));
  }

  // A wide table scrolls inside a focusable, labelled region, so keyboard users can scroll
  // it and the page itself never gets wider than the phone.
  function schuifvlak(naamId, tabel) {
    return h('div', { class: 'schuif', role: 'region', tabindex: '0', 'aria-labelledby': naamId }, tabel);
  }

  async function viewMatrix(_p, _q, api) {
    const m = await haal(api);
    const kolommen = m.competenties;
    // null: the source does not name this werkproces's competenties (not the same as none).
    const zonder = m.werkprocessen.filter((w) => w.competenties == null).map((w) => w.code);
    // The name sits in a heading outside the scrolling region, so it stays readable on
    // a phone while the table scrolls sideways.
    const tabel = h('table', { id: 'matrix', class: 'matrix', 'data-dossier': m.dossier.crebo, 'aria-labelledby': 'matrix-naam' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Werkproces'),
        kolommen.map((c) =>
          h('th', { scope: 'col', 'data-competentie': c.code, 'data-titel': c.titel },
            h('a', { href: pagina(c.links.self), title: c.titel },
              h('span', { 'aria-hidden': 'true' }, c.code), h('span', { class: 'vh' }, `${c.code} ${c.titel}`)))))),
      h('tbody', {}, m.werkprocessen.map((w) => {
        const eigen = new Set(w.competenties ?? []);
        return h('tr', { 'data-werkproces': w.code },
          h('th', { scope: 'row' }, link(w.links.self, code(w.code), ' ', h('span', { class: 'wptitel' }, w.titel))),
          kolommen.map((c) => w.competenties == null
            ? h('td', { 'data-competentie': c.code, 'data-mark': 'onbekend', title: NIET })
            : merkcel(eigen.has(c.code), { 'data-competentie': c.code })));
      })),
      h('tfoot', {}, h('tr', {},
        h('th', { scope: 'row' }, 'Aantal'),
        kolommen.map((c) => h('td', { 'data-competentie': c.code }, String(c.werkprocessen.length))))));
    return item({
      titel: 'Competentiematrix', api, kruimels: dossierKruimels(m.dossier),
      body: [
        h('h2', { id: 'matrix-naam' }, 'Werkprocessen × competenties'),
        h('p', {}, '● betekent: het werkproces steunt op die competentie.',
          h('span', { class: 'geenprint' }, ' Klik op een competentie om elk werkproces te zien dat erop steunt, in alle dossiers.')),
        schuifvlak('matrix-naam', tabel),
        zonder.length > 0 && h('p', { class: 'sub' }, `Bij ${zonder.join(', ')} zijn de competenties ${NIET}.`),
        h('h2', {}, 'De 25 competenties'),
        h('ul', { class: 'legenda' }, kolommen.map((c) =>
          h('li', {}, link(c.links.self, code(c.code), ' ', c.titel),
            h('span', { class: 'sub' }, ` · ${aantalWp(c.werkprocessen.length)}`)))),
      ],
    });
  }

  async function viewCompetenties(_p, _q, api) {
    const res = await haal(api);
    return item({
      titel: 'De 25 competenties', api, kruimels: [['Dossiers', '#/']],
      body: h('ul', { class: 'legenda', id: 'competenties' }, res.items.map((c) =>
        h('li', { 'data-competentie': c.code }, link(c.links.self, code(c.code), ' ', c.titel),
          h('span', { class: 'sub' }, ` · ${aantalWp(c.aantalWerkprocessen)}`)))),
    });
  }

  async function viewCompetentie(_p, _q, api) {
    const c = await haal(api);
    // Group per dossier, keeping the API's order.
    const perDossier = new Map();
    for (const wp of c.werkprocessen) {
      const key = wp.dossier.crebo;
      if (!perDossier.has(key)) perDossier.set(key, { dossier: wp.dossier, wps: [] });
      perDossier.get(key).wps.push(wp);
    }
    return item({
      titel: c.titel, code: c.code, api,
      kruimels: [['Dossiers', '#/'], ['Competenties', '#/competenties']],
      body: [
        h('p', {}, c.werkprocessen.length === 0
          ? 'Geen werkproces in de beschikbare dossiers steunt op deze competentie.'
          : `${aantalWp(c.werkprocessen.length)} in ${perDossier.size} ${perDossier.size === 1 ? 'dossier' : 'dossiers'} ${c.werkprocessen.length === 1 ? 'steunt' : 'steunen'} op deze competentie.`),
        [...perDossier.values()].map(({ dossier, wps }) =>
          h('section', { class: 'deel', 'data-dossier': dossier.crebo },
            h('h2', {}, link(dossier.links.self, dossier.titel), h('span', { class: 'sub' }, ` (crebo ${dossier.crebo})`)),
            h('ul', { class: 'kerntaken' }, wps.map((wp) =>
              h('li', { 'data-werkproces': wp.code, 'data-dossier': dossier.crebo },
                link(wp.links.self, code(wp.code), ' ', wp.titel)))))),
      ],
    });
  }

  async function viewVakkennis({ crebo }, _q, api) {
    const [v, d] = await Promise.all([haal(api), haal(dossierPad(crebo))]);
    // Columns: every kerntaak that lists at least one item, in code order.
    const kt = new Map();
    for (const it of v.items) for (const k of it.kerntaken) kt.set(k.code, k);
    const kolommen = [...kt.values()].sort((a, b) => a.code.localeCompare(b.code, 'nl', { numeric: true }));
    const gedeeld = v.items.filter((it) => it.kerntaken.length > 1).length;
    const tabel = h('table', { id: 'vakkennis', class: 'matrix vk', 'data-dossier': v.dossier.crebo, 'aria-labelledby': 'vk-naam' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Item'),
        kolommen.map((k) => h('th', { scope: 'col', 'data-kerntaak': k.code },
          h('a', { href: pagina(k.links.self), title: k.titel }, k.code, h('span', { class: 'vh' }, ` ${k.titel}`)))),
        h('th', { scope: 'col' }, 'Aantal'))),
      h('tbody', {}, v.items.map((it) => {
        const eigen = new Set(it.kerntaken.map((k) => k.code));
        return h('tr', { 'data-vakkennis': it.id, 'data-aantal': eigen.size, class: eigen.size > 1 ? 'gedeeld' : null },
          h('th', { scope: 'row' }, link(it.links.self, it.tekst)),
          kolommen.map((k) => merkcel(eigen.has(k.code), { 'data-kerntaak': k.code })),
          h('td', {}, String(eigen.size)));
      })));
    const filter = h('input', {
      type: 'checkbox', id: 'alleen-gedeeld',
      onchange: (e) => tabel.classList.toggle('alleen-gedeeld', e.target.checked),
    });
    // Kerntaken without items have no column; say which, and why.
    const zonderItems = d.kerntaken.filter((k) => !kt.has(k.code));
    const zonderLijst = zonderItems.filter((k) => k.vakkennis == null).map((k) => k.code);
    const zonderGeen = zonderItems.filter((k) => k.vakkennis != null).map((k) => k.code);
    const opsomming = (codes) => codes.length === 1 ? codes[0] : `${codes.slice(0, -1).join(', ')} en ${codes[codes.length - 1]}`;
    return item({
      titel: 'Vakkennis en vaardigheden', api, kruimels: dossierKruimels(v.dossier),
      body: [
        h('h2', { id: 'vk-naam' }, 'Items per kerntaak'),
        h('p', {}, `${v.aantal} items; ${gedeeld} daarvan staan bij meer dan één kerntaak (● = de kerntaak noemt het item).`),
        zonderLijst.length > 0 && h('p', { class: 'sub', id: 'vk-zonder-lijst' },
          `Bij ${opsomming(zonderLijst)} is de vakkennis ${NIET}; ${zonderLijst.length === 1 ? 'die kerntaak heeft' : 'die kerntaken hebben'} daarom geen kolom.`),
        zonderGeen.length > 0 && h('p', { class: 'sub', id: 'vk-zonder-items' },
          `${opsomming(zonderGeen)} ${zonderGeen.length === 1 ? 'noemt' : 'noemen'} geen vakkennis en ${zonderGeen.length === 1 ? 'heeft' : 'hebben'} daarom geen kolom.`),
        h('p', { class: 'filter' }, h('label', {}, filter, 'Alleen items die bij meer dan één kerntaak staan')),
        schuifvlak('vk-naam', tabel),
      ],
    });
  }

  async function viewVakkennisItem(_p, _q, api) {
    const v = await haal(api);
    const d = await haal(v.links.dossier || api.replace(/\/vakkennis\/.*$/, ''));
    return item({
      titel: v.tekst, api, kruimels: [...dossierKruimels(d), ['Vakkennis', pagina(v.links.parent)]],
      body: [h('h2', {}, 'Genoemd bij de kerntaken'), kerntakenLijst(v.kerntaken)],
    });
  }

  // ---------------------------------------------------------------- search

  // Kinds in a fixed, predictable order, with their headings.
  const SOORTEN = [
    ['dossier', 'Dossiers'], ['kwalificatie', 'Kwalificaties'], ['kerntaak', 'Kerntaken'],
    ['werkproces', 'Werkprocessen'], ['gedrag', 'Gedrag'], ['vakkennis', 'Vakkennis en vaardigheden'],
    ['competentie', 'Competenties'], ['generiek-onderdeel', 'Generieke onderdelen'], ['keuzedeel', 'Keuzedelen'],
  ];

  // "typeringVanHetBeroep" → "typering van het beroep"
  const veldNaam = (v) => v.replace(/([A-Z])/g, ' $1').toLowerCase();

  // The snippet is HTML-escaped text with <mark>…</mark> around matches. Split on the
  // markers and decode the entities of the text parts ourselves, so nothing from the API
  // is ever parsed as HTML.
  function fragment(snippet) {
    const p = h('p', { class: 'fragment' });
    let inMark = false;
    for (const deel of snippet.split(/(<\/?mark>)/)) {
      if (deel === '<mark>') inMark = true;
      else if (deel === '</mark>') inMark = false;
      else if (deel) p.append(inMark ? h('mark', {}, ontsnap(deel)) : ontsnap(deel));
    }
    return p;
  }

  const ENTITEITEN = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  function ontsnap(tekst) {
    return tekst.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (heel, e) => {
      if (e[0] !== '#') return ENTITEITEN[e.toLowerCase()] ?? heel;
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : heel;
    });
  }

  // Generic parts have no address of their own in the API: open the dossier's page for them.
  function trefferAdres(t) {
    const adres = pagina(t.links.self);
    return t.soort === 'generiek-onderdeel' ? adres + '/generieke-onderdelen' : adres;
  }

  // The code in front of a hit's title, when it is a published one: vakkennis ids are the
  // source's internal XML ids, and a generic part's code often just repeats its title.
  function trefferCode(t) {
    if (!t.code || t.soort === 'vakkennis' || t.code === t.titel) return null;
    return [code(t.code), ' '];
  }

  // `compleet`: every hit is loaded, so a group's size is its total. Otherwise the API
  // gives only the overall total, and the headings say how many are shown so far.
  function treffersBlok(items, compleet) {
    return SOORTEN.filter(([s]) => items.some((t) => t.soort === s)).map(([s, naam]) => {
      const groep = items.filter((t) => t.soort === s);
      return h('section', { class: 'groep', 'data-soort': s },
        h('h2', {}, compleet ? `${naam} (${groep.length})` : `${naam} (${groep.length} getoond)`),
        h('ol', { class: 'treffers' }, groep.map((t) =>
          h('li', { 'data-soort': t.soort, 'data-code': t.code ?? '', 'data-dossier': t.dossier?.crebo ?? '', 'data-nr': items.indexOf(t) },
            h('a', { href: trefferAdres(t) }, trefferCode(t), t.titel),
            h('p', { class: 'sub' }, t.dossier ? `${t.dossier.titel} (${t.dossier.crebo})` : 'Alle dossiers',
              t.veld ? ` · ${veldNaam(t.veld)}` : ''),
            t.snippet && fragment(t.snippet)))));
    });
  }

  async function viewZoeken(_p, query) {
    const q = (query.get('q') || '').trim();
    const soort = query.get('soort') || '';
    const dossier = query.get('dossier') || '';
    const lijst = await haal(API + '/dossiers');

    // Filters change the address (replaceState) so the view stays bookmarkable.
    const zetFilter = (naam, waarde) => {
      const qs = new URLSearchParams(query);
      if (waarde) qs.set(naam, waarde);
      else qs.delete(naam);
      history.replaceState(null, '', '#/zoeken?' + qs);
      // The page is rebuilt; put the focus back on the same filter for keyboard users.
      toon({ focus: false }).then(() => document.getElementById('filter-' + naam)?.focus());
    };
    const filters = h('div', { class: 'filters' },
      h('label', {}, 'Soort ', h('select', { id: 'filter-soort', onchange: (e) => zetFilter('soort', e.target.value) },
        h('option', { value: '' }, 'alle soorten'),
        SOORTEN.map(([s, naam]) => h('option', { value: s, selected: s === soort }, naam)))),
      h('label', {}, 'Dossier ', h('select', { id: 'filter-dossier', onchange: (e) => zetFilter('dossier', e.target.value) },
        h('option', { value: '' }, 'alle dossiers'),
        lijst.items.map((d) => h('option', { value: d.crebo, selected: d.crebo === dossier }, `${d.titel} (${d.crebo})`)))));

    const api = API + '/zoeken' + (q ? '?' + new URLSearchParams({ q, ...(soort && { soort }), ...(dossier && { dossier }), pageSize: 50 }) : '');
    if (!q) {
      return item({ titel: 'Zoeken', api: null,
        body: h('p', {}, 'Typ een woord in het zoekveld bovenaan; de treffers verschijnen terwijl u typt.') });
    }
    const res = await haal(api);
    const items = [...res.items];
    const uitslag = h('div', { id: 'zoekresultaten', 'data-q': q, 'data-aantal': res.aantal });
    const getoond = h('p', { class: 'sub', id: 'getoond' });
    const meer = h('p', {});
    const bijwerken = (r) => {
      const compleet = !r.hasNextPage;
      uitslag.replaceChildren(...treffersBlok(items, compleet));
      getoond.textContent = compleet ? '' : `${items.length} van ${res.aantal} treffers getoond.`;
    };
    // Further pages follow the API's own "next" link. The button is replaced while the
    // page is rebuilt, so the focus moves to the first newly loaded hit.
    const volgende = (r) => {
      meer.replaceChildren();
      if (!r.hasNextPage || !r.links.next) return;
      meer.append(h('button', { type: 'button', id: 'meer-treffers', onclick: async () => {
        const eerder = items.length;
        try {
          const r2 = await haal(r.links.next);
          items.push(...r2.items);
          bijwerken(r2);
          volgende(r2);
          const nieuw = uitslag.querySelector(`[data-nr="${eerder}"] a`);
          (nieuw || document.getElementById('meer-treffers'))?.focus();
          melding(`${r2.items.length} treffers erbij; ${items.length} van ${res.aantal} getoond.`);
        } catch (err) {
          meer.replaceChildren(foutmelding(err, () => {
            volgende(r);
            document.getElementById('meer-treffers')?.focus();
          }));
          meer.querySelector('button')?.focus();
        }
      } }, 'Meer treffers laden'));
    };
    bijwerken(res);
    volgende(res);
    melding(`${res.aantal} ${res.aantal === 1 ? 'treffer' : 'treffers'} voor ${q}`);
    return item({
      titel: `Zoeken: ${q}`, api, afdrukken: false,
      body: [
        filters,
        h('p', { class: 'aantal' }, res.aantal === 0 ? `Geen treffers voor “${q}”.` : `${res.aantal} ${res.aantal === 1 ? 'treffer' : 'treffers'} voor “${q}”.`),
        getoond, uitslag, meer,
      ],
    });
  }

  // Search as you type: wait until typing pauses, then show the hits. While already on
  // the search page the address is replaced rather than pushed, so Back leaves the search
  // instead of stepping through every letter typed.
  let wachten = 0;
  let getypt = null; // the address zoekNu went to: the field holds what the user typed
  function zoekNu() {
    clearTimeout(wachten);
    const q = zoekveld.value.trim();
    const { segs, query } = route();
    const opZoeken = segs[0] === 'zoeken';
    // Keep the soort/dossier filters that are already chosen.
    const qs = new URLSearchParams(opZoeken ? query : '');
    if (q) qs.set('q', q);
    else qs.delete('q');
    const doel = '#/zoeken' + (qs.toString() ? '?' + qs : '');
    if (location.hash === doel) return;
    if (opZoeken) {
      history.replaceState(null, '', doel);
      getypt = location.hash;
      toon({ focus: false });
    } else if (q) {
      location.hash = doel;
      getypt = location.hash;
    }
  }
  zoekveld.addEventListener('input', () => {
    clearTimeout(wachten);
    wachten = setTimeout(zoekNu, 250);
  });
  document.getElementById('zoekform').addEventListener('submit', (e) => {
    e.preventDefault();
    zoekNu();
  });

  // ---------------------------------------------------------------- routes

  const ROUTES = [
    ['', viewHome],
    ['dossiers', viewHome],
    ['dossiers/:crebo', viewDossier],
    ['dossiers/:crebo/typering', viewTypering],
    ['dossiers/:crebo/generieke-onderdelen', viewGeneriek],
    ['dossiers/:crebo/kwalificaties', viewKwalificaties],
    ['dossiers/:crebo/kwalificaties/:profiel', viewKwalificatie],
    ['kwalificaties', viewKwalificaties],
    ['kwalificaties/:crebo', viewKwalificatie],
    ['dossiers/:crebo/kerntaken', viewKerntaken],
    ['dossiers/:crebo/kerntaken/:code', viewKerntaak],
    ['dossiers/:crebo/werkprocessen', viewWerkprocessen],
    ['dossiers/:crebo/werkprocessen/:code', viewWerkproces],
    ['dossiers/:crebo/keuzedelen', viewKeuzedelen],
    ['dossiers/:crebo/competenties', viewMatrix],
    ['dossiers/:crebo/vakkennis', viewVakkennis],
    ['dossiers/:crebo/vakkennis/:id', viewVakkennisItem],
    ['competenties', viewCompetenties],
    ['competenties/:code', viewCompetentie],
    ['zoeken', viewZoeken],
  ].map(([patroon, view]) => ({ delen: patroon ? patroon.split('/') : [], view }));

  // "#/dossiers/23292?x=y" → { segs: ['dossiers', '23292'], query }
  function route() {
    const [pad, qs = ''] = location.hash.replace(/^#/, '').split('?');
    let segs;
    try {
      segs = pad.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      segs = ['?'];
    }
    return { segs, query: new URLSearchParams(qs) };
  }

  function zoekRoute(segs) {
    // "." and ".." would be resolved by fetch() before they reach the API.
    if (segs.some((s) => s === '.' || s === '..')) return null;
    for (const r of ROUTES) {
      if (r.delen.length !== segs.length) continue;
      const params = {};
      if (r.delen.every((d, i) => (d[0] === ':' ? ((params[d.slice(1)] = segs[i]), true) : d === segs[i]))) {
        return { view: r.view, params };
      }
    }
    return null;
  }

  function onbekend(segs) {
    document.title = 'Onbekend adres – Kwalificatiedossiers';
    return h('section', { id: 'fout', class: 'fout', role: 'alert', 'data-status': '' },
      h('h1', { tabindex: '-1' }, 'Dit adres kent deze pagina niet'),
      h('p', { class: 'detail' }, `Er is geen weergave voor “#/${segs.join('/')}”.`),
      h('p', {}, h('a', { href: '#/' }, 'Naar het overzicht van de dossiers')));
  }

  // Renders the current address. A newer navigation overtakes a slower older one.
  let beurt = 0;
  async function toon({ focus = true } = {}) {
    const mijn = ++beurt;
    const { segs, query } = route();
    const gevonden = zoekRoute(segs);
    main.setAttribute('aria-busy', 'true');
    // The field shows the query of the address (empty off the search page), except when
    // this address came from typing in it: then it keeps what is typed, maybe more by now.
    if (location.hash !== getypt) zoekveld.value = segs[0] === 'zoeken' ? query.get('q') || '' : '';
    volgBoom(segs);
    let inhoud;
    try {
      const api = API + (segs.length ? '/' + segs.map(encodeURIComponent).join('/') : '');
      inhoud = gevonden ? await gevonden.view(gevonden.params, query, api) : onbekend(segs);
    } catch (err) {
      // A bug in this page (not an API answer) also goes to the console, for developers
      // and for the browser test, which fails on "Paginafout".
      if (!(err instanceof ApiFout)) console.error('Paginafout:', err);
      inhoud = foutmelding(err);
    }
    if (mijn !== beurt) return;
    main.replaceChildren(inhoud);
    main.setAttribute('aria-busy', 'false');
    if (focus) {
      window.scrollTo(0, 0);
      main.querySelector('h1')?.focus({ preventScroll: true });
    }
  }

  // ---------------------------------------------------------------- the tree
  // A navigation tree after the WAI-ARIA treeview pattern: links with role=treeitem,
  // nested role=group lists, one tab stop (roving tabindex) and arrow keys.

  const kinderLaders = new Map(); // route → () => Promise<nodes> for lazily loaded children

  function boomItem({ route: r, label, code: c, kids, laden, open = false }) {
    const heeftKids = (kids && kids.length > 0) || laden;
    const a = h('a', { role: 'treeitem', href: '#' + r, 'data-route': r, tabindex: '-1', 'aria-expanded': heeftKids ? String(open) : null },
      h('span', { class: 'tw', 'aria-hidden': 'true' }), c && code(c), c && ' ', label);
    const li = h('li', { role: 'none' }, a);
    if (heeftKids) {
      const groep = h('ul', { role: 'group', hidden: !open });
      if (kids) groep.append(...kids.map(boomItem));
      if (laden) kinderLaders.set(r, laden);
      li.append(groep);
    }
    return li;
  }

  // The children of a dossier node, built from the dossier's own links.
  function dossierKids(d) {
    const l = d.links;
    const r = (apiPad) => pagina(apiPad).slice(1);
    const eigen = r(l.self);
    return [
      { route: eigen + '/typering', label: 'Typering van de beroepsgroep' },
      { route: r(l.kwalificaties), label: 'Kwalificaties',
        kids: d.kwalificaties.map((k) => ({ route: r(k.links.self), code: k.code, label: k.titel })) },
      { route: r(l.kerntaken), label: 'Kerntaken en werkprocessen', open: true,
        kids: d.kerntaken.map((kt) => ({ route: r(kt.links.self), code: kt.code, label: kt.titel,
          kids: kt.werkprocessen.map((wp) => ({ route: r(wp.links.self), code: wp.code, label: wp.titel })) })) },
      { route: r(l.competenties), label: 'Competentiematrix' },
      { route: r(l.vakkennis), label: 'Vakkennis en vaardigheden' },
      { route: r(l.keuzedelen), label: 'Keuzedelen' },
      { route: eigen + '/generieke-onderdelen', label: 'Generieke onderdelen' },
    ];
  }

  const laadBoom = () => haal(API + '/dossiers').then(
    (lijst) => {
      document.getElementById('boomfout')?.remove();
      boom.append(
        ...lijst.items.map((d) => boomItem({
          route: pagina(d.links.self).slice(1), code: d.crebo, label: d.titel,
          laden: () => haal(d.links.self).then(dossierKids),
        })),
        boomItem({ route: '/competenties', label: 'De 25 competenties' }));
      const eerste = boom.querySelector('[role=treeitem]');
      if (eerste) eerste.tabIndex = 0;
    },
    () => {
      document.getElementById('boomfout')?.remove();
      boom.parentElement.append(h('div', { class: 'fout', id: 'boomfout' },
        h('p', {}, 'De lijst met dossiers kon niet worden geladen.'),
        h('p', {}, h('button', { type: 'button', onclick: () => {
          boomKlaar = laadBoom();
          volgBoom(route().segs);
        } }, 'Opnieuw proberen'))));
    });
  let boomKlaar = laadBoom();

  async function openTak(a, open) {
    if (a.getAttribute('aria-expanded') == null) return;
    const groep = a.nextElementSibling;
    const laden = kinderLaders.get(a.dataset.route);
    if (open && laden) {
      kinderLaders.delete(a.dataset.route);
      try {
        groep.append(...(await laden()).map(boomItem));
      } catch (err) {
        kinderLaders.set(a.dataset.route, laden); // try again next time
        return;
      }
    }
    a.setAttribute('aria-expanded', String(open));
    groep.hidden = !open;
  }

  // Marks the current page in the tree and opens the branches above it.
  async function volgBoom(segs) {
    await boomKlaar;
    const pad = '/' + segs.join('/');
    if (segs[0] === 'dossiers' && segs[1]) {
      const dossierItem = boom.querySelector(`[data-route="/dossiers/${CSS.escape(segs[1])}"]`);
      if (dossierItem) await openTak(dossierItem, true);
    }
    let hier = [...boom.querySelectorAll('[role=treeitem]')].find((a) => a.dataset.route === pad);
    if (!hier && segs[2] === 'vakkennis') hier = boom.querySelector(`[data-route="/${segs.slice(0, 3).map(CSS.escape).join('/')}"]`);
    for (const a of boom.querySelectorAll('[aria-current]')) a.removeAttribute('aria-current');
    if (!hier) return;
    hier.setAttribute('aria-current', 'page');
    await openTak(hier, true); // show the werkprocessen of the kerntaak being read
    for (let g = hier.closest('[role=group]'); g; g = g.parentElement.closest('[role=group]')) {
      await openTak(g.previousElementSibling, true);
    }
    zetTabstop(hier);
  }

  function zetTabstop(a) {
    for (const x of boom.querySelectorAll('[role=treeitem][tabindex="0"]')) x.tabIndex = -1;
    a.tabIndex = 0;
  }

  const zichtbaar = () => [...boom.querySelectorAll('[role=treeitem]')].filter((a) => !a.closest('[hidden]'));

  function focusOp(a) {
    if (!a) return;
    zetTabstop(a);
    a.focus();
  }

  boom.addEventListener('keydown', (e) => {
    const a = e.target.closest('[role=treeitem]');
    if (!a || e.altKey || e.ctrlKey || e.metaKey) return;
    const items = zichtbaar();
    const i = items.indexOf(a);
    const open = a.getAttribute('aria-expanded');
    switch (e.key) {
      case 'ArrowDown': focusOp(items[i + 1]); break;
      case 'ArrowUp': focusOp(items[i - 1]); break;
      case 'Home': focusOp(items[0]); break;
      case 'End': focusOp(items[items.length - 1]); break;
      case 'ArrowRight':
        if (open === 'false') openTak(a, true);
        else if (open === 'true') focusOp(a.nextElementSibling.querySelector('[role=treeitem]'));
        break;
      case 'ArrowLeft':
        if (open === 'true') openTak(a, false);
        else focusOp(a.closest('[role=group]')?.previousElementSibling);
        break;
      default: return;
    }
    e.preventDefault();
  });

  // The triangle in front of a branch opens and closes it without navigating.
  boom.addEventListener('click', (e) => {
    if (!e.target.closest('.tw')) return;
    const a = e.target.closest('[role=treeitem]');
    if (a.getAttribute('aria-expanded') == null) return;
    e.preventDefault();
    openTak(a, a.getAttribute('aria-expanded') !== 'true');
  });

  // On a phone the tree hides behind the "Inhoud" button.
  const menuknop = document.getElementById('menuknop');
  const nav = document.getElementById('boom');
  function menu(open) {
    menuknop.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  }
  menuknop.addEventListener('click', () => menu(menuknop.getAttribute('aria-expanded') !== 'true'));

  // The skip link must not change the address (that would be a route): move the focus.
  document.getElementById('naar-inhoud').addEventListener('click', (e) => {
    e.preventDefault();
    (main.querySelector('h1') || main).focus();
  });

  // Tapping the link of the page already shown changes no address: close the menu too.
  boom.addEventListener('click', (e) => {
    if (e.target.closest('[role=treeitem]') && !e.target.closest('.tw')) menu(false);
  });

  window.addEventListener('hashchange', () => {
    menu(false);
    if (location.hash === '#inhoud') return naarInhoud();
    // Typing in the search field navigates too; keep the focus in the field then.
    const vanTypen = location.hash === getypt;
    if (!vanTypen) {
      clearTimeout(wachten);
      getypt = null;
    }
    toon({ focus: !vanTypen });
  });

  // "#inhoud" is the skip link's target, not a route (opened without the script's click
  // handler, e.g. as a bookmark): show the overview and put the focus on the content.
  function naarInhoud() {
    history.replaceState(null, '', '#/');
    return toon();
  }
  if (location.hash === '#inhoud') naarInhoud();
  else toon({ focus: location.hash.length > 2 });
})();

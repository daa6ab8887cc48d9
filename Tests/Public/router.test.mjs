// Unit tests of Public/router.mjs and the page's route table (Public/routes.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compileRoutes, matchRoute } from '../../Public/router.mjs';
import { ROUTES } from '../../Public/routes.mjs';
import { parseAddress } from '../../Public/urls.mjs';

const viewA = () => 'a';
const viewB = () => 'b';

test('a route matches literals and takes parameters; the API path mirrors the address', () => {
  const routes = compileRoutes([['dossiers', viewA], ['dossiers/:crebo', viewB]]);
  assert.deepEqual(matchRoute(routes, ['dossiers', '23292']),
    { view: viewB, params: { crebo: '23292' }, apiPath: '/api/v1/dossiers/23292' });
  assert.equal(matchRoute(routes, ['dossiers']).view, viewA);
  assert.equal(matchRoute(routes, ['dossiers', '23292', 'x']), null);
  assert.equal(matchRoute(routes, ['kwalificaties']), null);
});

test('a page-only part reads the resource one segment up', () => {
  const routes = compileRoutes([['dossiers/:crebo/typering', viewA, { part: true }]]);
  assert.equal(matchRoute(routes, ['dossiers', '23292', 'typering']).apiPath, '/api/v1/dossiers/23292');
});

test('"." and ".." segments match no route', () => {
  const routes = compileRoutes([['dossiers/:crebo', viewA]]);
  assert.equal(matchRoute(routes, ['dossiers', '..']), null);
  assert.equal(matchRoute(routes, ['dossiers', '.']), null);
});

test('a pattern declared twice stops the page at once', () => {
  assert.throws(() => compileRoutes([['dossiers', viewA], ['dossiers', viewB]]), /declared twice/);
});

// Every address the page has ever linked to, with the view and the API resource it shows.
const DEEP_LINKS = [
  ['#/', 'homeView', '/api/v1'],
  ['', 'homeView', '/api/v1'],
  ['#/dossiers', 'homeView', '/api/v1/dossiers'],
  ['#/dossiers/23292', 'dossierView', '/api/v1/dossiers/23292'],
  ['#/dossiers/23292/typering', 'typeringView', '/api/v1/dossiers/23292'],
  ['#/dossiers/23189/generieke-onderdelen', 'generiekeOnderdelenView', '/api/v1/dossiers/23189'],
  ['#/dossiers/23292/kwalificaties', 'kwalificatiesView', '/api/v1/dossiers/23292/kwalificaties'],
  ['#/dossiers/23292/kwalificaties/P1', 'kwalificatieView', '/api/v1/dossiers/23292/kwalificaties/P1'],
  ['#/kwalificaties', 'kwalificatiesView', '/api/v1/kwalificaties'],
  ['#/kwalificaties/25712', 'kwalificatieView', '/api/v1/kwalificaties/25712'],
  // A kwalificatie's composed kerntaak and werkproces, as the kwalificatie and search link them.
  ['#/dossiers/23181/kwalificaties/P3/kerntaken/B1-K1', 'kwalificatieKerntaakView',
    '/api/v1/dossiers/23181/kwalificaties/P3/kerntaken/B1-K1'],
  ['#/dossiers/23181/kwalificaties/P3/werkprocessen/B1-K1-W2', 'kwalificatieWerkprocesView',
    '/api/v1/dossiers/23181/kwalificaties/P3/werkprocessen/B1-K1-W2'],
  ['#/dossiers/23292/kwalificaties/P2/werkprocessen/P2-K1-W1', 'kwalificatieWerkprocesView',
    '/api/v1/dossiers/23292/kwalificaties/P2/werkprocessen/P2-K1-W1'],
  ['#/kwalificaties/25477/kerntaken/B1-K1', 'kwalificatieKerntaakView', '/api/v1/kwalificaties/25477/kerntaken/B1-K1'],
  ['#/kwalificaties/25477/werkprocessen/B1-K1-W2', 'kwalificatieWerkprocesView',
    '/api/v1/kwalificaties/25477/werkprocessen/B1-K1-W2'],
  ['#/dossiers/23292/kerntaken', 'kerntakenView', '/api/v1/dossiers/23292/kerntaken'],
  ['#/dossiers/23292/kerntaken/B1-K2', 'kerntaakView', '/api/v1/dossiers/23292/kerntaken/B1-K2'],
  ['#/dossiers/23292/werkprocessen', 'werkprocessenView', '/api/v1/dossiers/23292/werkprocessen'],
  ['#/dossiers/23292/werkprocessen/B1-K2-W3', 'werkprocesView', '/api/v1/dossiers/23292/werkprocessen/B1-K2-W3'],
  ['#/dossiers/23292/keuzedelen', 'keuzedelenView', '/api/v1/dossiers/23292/keuzedelen'],
  ['#/dossiers/23292/competenties', 'competentiematrixView', '/api/v1/dossiers/23292/competenties'],
  ['#/dossiers/23292/vakkennis', 'vakkennisView', '/api/v1/dossiers/23292/vakkennis'],
  ['#/dossiers/23292/vakkennis/vk1', 'vakkennisItemView', '/api/v1/dossiers/23292/vakkennis/vk1'],
  ['#/competenties', 'competentiesView', '/api/v1/competenties'],
  ['#/competenties/C', 'competentieView', '/api/v1/competenties/C'],
  ['#/zoeken?q=offerte&soort=gedrag', 'zoekenView', '/api/v1/zoeken'],
];

test('old deep links keep their view and their API resource', () => {
  for (const [hash, view, apiPath] of DEEP_LINKS) {
    const match = matchRoute(ROUTES, parseAddress(hash).segments);
    assert.ok(match, `${hash} matches no route`);
    assert.equal(match.view.name, view, hash);
    assert.equal(match.apiPath, apiPath, hash);
  }
  assert.equal(matchRoute(ROUTES, parseAddress('#/onbekend/pad').segments), null);
  assert.equal(matchRoute(ROUTES, parseAddress('#inhoud').segments), null);
});

const contract = readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8');
const API_PATHS = new Set([...contract.matchAll(/^ {2}(\/\S*):\s*$/gm)].map((m) => m[1]));
// The API path template a route mirrors: dossiers/:crebo → /api/v1/dossiers/{crebo}.
const templateOf = (route) => ['/api/v1', ...(route.part ? route.parts.slice(0, -1) : route.parts)
  .map((p) => (p[0] === ':' ? `{${p.slice(1)}}` : p))].join('/');

test('every route mirrors a path of the API contract (openapi.yaml)', () => {
  assert.ok(API_PATHS.has('/api/v1/dossiers/{crebo}'), 'no paths read from openapi.yaml');
  for (const route of ROUTES) {
    const template = templateOf(route);
    assert.ok(API_PATHS.has(template), `#/${route.pattern} mirrors ${template}, which openapi.yaml does not have`);
  }
});

// API resources the page links to but shows on another page: the lists of a kwalificatie's
// composed items (the kwalificatie page holds them all), the LMS downloads (files, not pages)
// and the generic parts (a part of the dossier page's generieke-onderdelen).
const NOT_PAGES = new Set([
  '/api/v1/dossiers/{crebo}/kwalificaties/{profiel}/kerntaken',
  '/api/v1/dossiers/{crebo}/kwalificaties/{profiel}/werkprocessen',
  '/api/v1/kwalificaties/{crebo}/kerntaken', '/api/v1/kwalificaties/{crebo}/werkprocessen',
  '/api/v1/dossiers/{crebo}/kwalificaties/{profiel}/moodle.csv',
  '/api/v1/dossiers/{crebo}/kwalificaties/{profiel}/canvas.csv',
  '/api/v1/dossiers/{crebo}/generieke-onderdelen',
]);

test('every resource of the API contract has a page, or says where it is shown', () => {
  const routed = new Set(ROUTES.filter((route) => !route.part).map(templateOf));
  const apiPaths = [...API_PATHS].filter((path) => path === '/api/v1' || path.startsWith('/api/v1/'));
  assert.ok(apiPaths.includes('/api/v1/dossiers/{crebo}/kwalificaties/{profiel}/werkprocessen/{code}'),
    'openapi.yaml lacks the composed werkproces');
  for (const path of apiPaths) {
    assert.ok(routed.has(path) !== NOT_PAGES.has(path),
      routed.has(path) ? `${path} has a page and is listed as none` : `${path} has no page route`);
  }
});

// Unit tests of Public/urls.mjs: page addresses, API paths, query templates, outside links.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  API_ROOT, apiPathOf, dossierPartHref, dossierPartRoute, externalHref, fillQuery, isPlainPath, pageHref, pageRoute,
  parseAddress,
} from '../../Public/urls.mjs';

test('an API link becomes a page address by swapping the prefix', () => {
  assert.equal(API_ROOT, '/api/v1');
  assert.equal(pageRoute('/api/v1/dossiers/23292/werkprocessen/B1-K2-W3'), '/dossiers/23292/werkprocessen/B1-K2-W3');
  assert.equal(pageHref('/api/v1/dossiers/23292'), '#/dossiers/23292');
  assert.equal(pageHref('/api/v1'), '#/');
  // Not an API path: kept as it is.
  assert.equal(pageRoute('/openapi.yaml'), '/openapi.yaml');
});

test('page-only parts of a dossier sit under the dossier\'s address', () => {
  assert.equal(dossierPartRoute('/api/v1/dossiers/23292', 'typering'), '/dossiers/23292/typering');
  assert.equal(dossierPartHref('/api/v1/dossiers/23189', 'generieke-onderdelen'),
    '#/dossiers/23189/generieke-onderdelen');
});

test('an address splits into decoded segments and a query', () => {
  const { segments, query } = parseAddress('#/dossiers/23292/werkprocessen/B1-K2-W3?x=1&q=a%20b');
  assert.deepEqual(segments, ['dossiers', '23292', 'werkprocessen', 'B1-K2-W3']);
  assert.equal(query.get('q'), 'a b');
  assert.deepEqual(parseAddress('#/zoeken?q=offerte').segments, ['zoeken']);
  assert.deepEqual(parseAddress('').segments, []);
  assert.deepEqual(parseAddress('#/').segments, []);
  assert.deepEqual(parseAddress('#//dossiers//23292/').segments, ['dossiers', '23292']);
  assert.deepEqual(parseAddress('#/zoeken/a%2Fb').segments, ['zoeken', 'a/b']);
});

test('an address that does not decode is unknown, not an exception', () => {
  assert.deepEqual(parseAddress('#/dossiers/%E0%A4%A').segments, ['?']);
});

test('segments go back into an API path encoded, one by one', () => {
  assert.equal(apiPathOf([]), '/api/v1');
  assert.equal(apiPathOf(['dossiers', '23292']), '/api/v1/dossiers/23292');
  assert.equal(apiPathOf(['zoeken', 'a/b c']), '/api/v1/zoeken/a%2Fb%20c');
});

test('"." and ".." are no route: fetch() would resolve them before the API sees them', () => {
  assert.equal(isPlainPath(['dossiers', '23292']), true);
  assert.equal(isPlainPath(['dossiers', '..']), false);
  assert.equal(isPlainPath(['.', 'competenties']), false);
  assert.equal(isPlainPath(['dossiers', '...']), true);
});

test('a query template is filled, extra values appended in order, empty ones left out', () => {
  const template = '/api/v1/zoeken?q={q}';
  assert.equal(fillQuery(template, { q: 'offerte', soort: '', dossier: '', pageSize: 50 }),
    '/api/v1/zoeken?q=offerte&pageSize=50');
  assert.equal(
    fillQuery(template, { q: 'klacht', soort: 'gedrag', dossier: '23292', pageSize: 50 }),
    '/api/v1/zoeken?q=klacht&soort=gedrag&dossier=23292&pageSize=50');
  // Encoded as the search form would (and as the page did before it followed the link).
  assert.equal(fillQuery(template, { q: 'a b&c=d' }), '/api/v1/zoeken?q=a+b%26c%3Dd');
  assert.equal(fillQuery(template, { q: '' }), '/api/v1/zoeken');
  assert.equal(fillQuery('/x?vast=1&q={q}', { q: 'é' }), '/x?vast=1&q=%C3%A9');
  assert.equal(fillQuery('/x', { a: 1 }), '/x?a=1');
});

test('outside links: schemes kept, bare host names completed, anything else no link', () => {
  assert.equal(externalHref('https://wetten.overheid.nl/BWBR0007625'), 'https://wetten.overheid.nl/BWBR0007625');
  assert.equal(externalHref('http://example.nl/a?b=c'), 'http://example.nl/a?b=c');
  assert.equal(externalHref('mailto:info@s-bb.nl'), 'mailto:info@s-bb.nl');
  assert.equal(externalHref(' www.kwalificatiesmbo.nl '), 'https://www.kwalificatiesmbo.nl');
  assert.equal(externalHref('kwalificatiesmbo.nl/keuzedelen'), 'https://kwalificatiesmbo.nl/keuzedelen');
  // A script URL in the source must never become a link.
  // eslint-disable-next-line no-script-url
  assert.equal(externalHref('javascript:alert(1)'), null);
  assert.equal(externalHref('zie de website van SBB'), null);
  assert.equal(externalHref('https://'), null);
  assert.equal(externalHref('/relatief/pad'), null);
});

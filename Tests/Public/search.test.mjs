// Unit tests of Public/search/: snippets, hit groups, hit addresses and codes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SOORTEN, groupHeading, groupHits, hitCode, hitHref } from '../../Public/search/hits.mjs';
import { decodeEntities, snippetParts } from '../../Public/search/snippet.mjs';

test('character references decode; unknown or invalid ones stay as they are', () => {
  assert.equal(decodeEntities('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&#39;'), 'a & b <c> "d" \'e\'');
  assert.equal(decodeEntities('&#233;&#xE9;&#XE9;'), 'ééé');
  assert.equal(decodeEntities('&nbsp; &#0; &#x110000;'), '&nbsp; &#0; &#x110000;');
});

test('a snippet splits into text and marked parts, decoded', () => {
  assert.deepEqual(snippetParts('Maakt een <mark>offerte</mark> &amp; <mark>Offertes</mark>.'), [
    { text: 'Maakt een ', marked: false },
    { text: 'offerte', marked: true },
    { text: ' & ', marked: false },
    { text: 'Offertes', marked: true },
    { text: '.', marked: false },
  ]);
});

test('escaped markup in a snippet stays text: only the API\'s own <mark> marks', () => {
  assert.deepEqual(snippetParts('&lt;mark&gt;x&lt;/mark&gt; <script>'),
    [{ text: '<mark>x</mark> <script>', marked: false }]);
});

const hit = (soort, code) => ({ soort, code, titel: `titel ${code}`, links: { self: `/api/v1/x/${code}` } });

test('hits group by kind in the fixed order, each with its place in the whole list', () => {
  const items = [
    hit('gedrag', 'g1'), hit('werkproces', 'w1'), hit('onbekend', 'o1'), hit('gedrag', 'g2'), hit('dossier', 'd1'),
  ];
  const groups = groupHits(items);
  assert.deepEqual(groups.map((g) => g.soort), ['dossier', 'werkproces', 'gedrag']);
  assert.deepEqual(groups.map((g) => g.naam), ['Dossiers', 'Werkprocessen', 'Gedrag']);
  assert.deepEqual(groups[2].hits.map((entry) => [entry.hit.code, entry.index]), [['g1', 0], ['g2', 3]]);
  assert.deepEqual(groupHits([]), []);
  assert.equal(SOORTEN.length, 9);
});

test('a group heading says its total only when every hit is loaded', () => {
  assert.equal(groupHeading('Gedrag', 3, true), 'Gedrag (3)');
  assert.equal(groupHeading('Gedrag', 3, false), 'Gedrag (3 getoond)');
});

test('a hit opens its own page; a generic part that links to its dossier opens the dossier\'s part', () => {
  assert.equal(hitHref({ soort: 'werkproces', links: { self: '/api/v1/dossiers/23292/werkprocessen/B1-K2-W3' } }),
    '#/dossiers/23292/werkprocessen/B1-K2-W3');
  assert.equal(hitHref({ soort: 'generiek-onderdeel', links: { self: '/api/v1/dossiers/23189' } }),
    '#/dossiers/23189/generieke-onderdelen');
  // Once a generic part has a resource of its own, its link is followed as it is.
  assert.equal(hitHref({ soort: 'generiek-onderdeel', links: { self: '/api/v1/dossiers/23189/generieke-onderdelen' } }),
    '#/dossiers/23189/generieke-onderdelen');
});

test('a hit shows only a published code', () => {
  assert.equal(hitCode(hit('werkproces', 'B1-K2-W3')), 'B1-K2-W3');
  assert.equal(hitCode(hit('vakkennis', 'vk12')), null);
  assert.equal(hitCode({ soort: 'generiek-onderdeel', code: 'Engels', titel: 'Engels' }), null);
  assert.equal(hitCode({ soort: 'dossier', code: null, titel: 'x' }), null);
});

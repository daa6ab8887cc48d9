// Unit tests of Public/format.mjs: node --test Tests/Public/*.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  NIET_VERMELD, aantal, aantalWerkprocessen, absentListText, compareCodes, datum, documentTitle,
  domeinTekst, janee, opsomming, paragraphs, veldNaam,
} from '../../Public/format.mjs';

test('counts take the singular for exactly one', () => {
  assert.equal(aantalWerkprocessen(0), '0 werkprocessen');
  assert.equal(aantalWerkprocessen(1), '1 werkproces');
  assert.equal(aantalWerkprocessen(2), '2 werkprocessen');
  assert.equal(aantal(1, 'treffer', 'treffers'), '1 treffer');
  assert.equal(aantal(50, 'treffer', 'treffers'), '50 treffers');
});

test('dates read day-month-year as the dossiers write them; absent stays absent', () => {
  assert.equal(datum('2021-09-10'), '10-09-2021');
  assert.equal(datum(null), null);
  assert.equal(datum(undefined), undefined);
  // Anything that is not an ISO date is shown as the API gives it, never reinterpreted.
  assert.equal(datum('2021-09'), '2021-09');
});

test('janee: null means the source does not say, not "Nee"', () => {
  assert.equal(janee(true), 'Ja');
  assert.equal(janee(false), 'Nee');
  assert.equal(janee(null), null);
  assert.equal(janee(undefined), null);
});

test('an opleidingsdomein names its crebo only when the source gives one', () => {
  assert.equal(domeinTekst({ titel: 'Techniek', crebo: '23185' }), 'Techniek (crebo 23185)');
  assert.equal(domeinTekst({ titel: 'Techniek', crebo: null }), 'Techniek');
  assert.equal(domeinTekst(null), null);
});

test('field names read as words', () => {
  assert.equal(veldNaam('typeringVanHetBeroep'), 'typering van het beroep');
  assert.equal(veldNaam('titel'), 'titel');
});

test('enumerations join with commas and a final "en"', () => {
  assert.equal(opsomming(['P2-K1']), 'P2-K1');
  assert.equal(opsomming(['P2-K1', 'P2-K2']), 'P2-K1 en P2-K2');
  assert.equal(opsomming(['A', 'B', 'C']), 'A, B en C');
});

test('codes sort in reading order, numbers as numbers', () => {
  assert.deepEqual(['B1-K10', 'B1-K2', 'P1-K1', 'B1-K1'].sort(compareCodes), ['B1-K1', 'B1-K2', 'B1-K10', 'P1-K1']);
});

test('the document title names the code, then the item, then the site', () => {
  assert.equal(documentTitle('Kwalificatiedossiers'), 'Kwalificatiedossiers');
  assert.equal(documentTitle('Keuzedelen'), 'Keuzedelen – Kwalificatiedossiers');
  assert.equal(documentTitle('Begeleidt klanten', 'B1-K2-W3'), 'B1-K2-W3 Begeleidt klanten – Kwalificatiedossiers');
});

test('paragraphs split on blank lines and keep single line breaks', () => {
  assert.deepEqual(paragraphs('Eerste regel\ntweede regel\n\n  Tweede alinea '),
    ['Eerste regel\ntweede regel', 'Tweede alinea']);
  assert.deepEqual(paragraphs('Een\n \t\nTwee'), ['Een', 'Twee']);
  assert.deepEqual(paragraphs('Alleen'), ['Alleen']);
});

test('a text the source does not give is null, whether null or empty', () => {
  assert.equal(paragraphs(null), null);
  assert.equal(paragraphs(undefined), null);
  assert.equal(paragraphs(''), null);
});

test('the null-or-empty rule: null is "niet vermeld", [] is "geen", items are shown', () => {
  assert.equal(NIET_VERMELD, 'niet vermeld in de bron');
  assert.equal(absentListText(null), NIET_VERMELD);
  assert.equal(absentListText(undefined), NIET_VERMELD);
  assert.equal(absentListText([]), 'geen');
  assert.equal(absentListText(['Werkt nauwkeurig.']), null);
});

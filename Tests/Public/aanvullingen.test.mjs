// Unit tests of Public/aanvullingen.mjs: node --test Tests/Public/*.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  aanvullendKop, aanvullingenVan, heeftAanvullendeLijsten, heeftAanvullingen, kerntaakMetBasislijsten, metBasislijsten,
  profielNaam, voegtLijstToe, voegtToe, werkprocesMetBasislijst,
} from '../../Public/aanvullingen.mjs';

// Shapes as the API serves them for dossier 23181 (trimmed to what the helpers read).
const P3 = { code: 'P3', titel: 'Persoonlijk begeleider gehandicaptenzorg', crebo: '25477' };
const C = { code: 'C', titel: 'Begeleiden' };
const D = { code: 'D', titel: 'Aandacht en begrip tonen' };
const vk = (id) => ({ id, tekst: `item ${id}` });

test('the lead line is the published wording around the profiel name', () => {
  assert.equal(aanvullendKop(profielNaam(P3)).join(''),
    'Voor Persoonlijk begeleider gehandicaptenzorg geldt aanvullend:');
  // The name stays one part, so the page can make it a link.
  assert.deepEqual(aanvullendKop('X'), ['Voor ', 'X', ' geldt aanvullend:']);
  // No titel in the source: the code names the profiel, never an invented title.
  assert.equal(profielNaam({ code: 'P2', titel: null }), 'profiel P2');
});

test('a dossier item has one addition per profiel; a composed item at most its own', () => {
  const twee = [{ profiel: P3 }, { profiel: { code: 'P4' } }];
  assert.equal(aanvullingenVan({ aanvullend: twee }), twee);
  assert.deepEqual(aanvullingenVan({ aanvullend: [] }), []);
  assert.deepEqual(aanvullingenVan({ aanvulling: { profiel: P3 } }), [{ profiel: P3 }]);
  assert.deepEqual(aanvullingenVan({ aanvulling: null }), []);
  // A document from before additions existed (or 23292's): nothing to show.
  assert.deepEqual(aanvullingenVan({ code: 'B1-K1' }), []);
});

test('null, "" and [] add nothing; text and items do', () => {
  for (const leeg of [null, undefined, '', []]) assert.equal(voegtToe(leeg), false);
  assert.equal(voegtToe('De thuisbegeleider schakelt zo nodig andere disciplines in.'), true);
  assert.equal(voegtToe([C]), true);
});

// A composed kwalificatie: the API merged P3's added C into the werkproces's list and P3's
// added vakkennis into the kerntaak's; the dossier holds the basis lists.
const composed = [{
  code: 'B1-K1',
  vakkennis: [vk('1'), vk('2'), vk('9')],
  aanvulling: { profiel: P3, vakkennis: [vk('9')] },
  werkprocessen: [
    { code: 'B1-K1-W1', competenties: [D], aanvulling: null },
    { code: 'B1-K1-W2', competenties: [C, D], aanvulling: { profiel: P3, competenties: [C] } },
  ],
}, {
  code: 'P3-K1', vakkennis: null, aanvulling: null,
  werkprocessen: [{ code: 'P3-K1-W1', competenties: [C], aanvulling: null }],
}];
const dossier = {
  kerntaken: [{
    code: 'B1-K1', vakkennis: [vk('1'), vk('2')],
    werkprocessen: [{ code: 'B1-K1-W1', competenties: [D] }, { code: 'B1-K1-W2', competenties: [C, D] }],
  }],
};

test('the basis lists come from the dossier where an addition adds to the list', () => {
  const [basis, profieldeel] = metBasislijsten(composed, dossier);
  assert.deepEqual(basis.vakkennis.map((i) => i.id), ['1', '2']);
  // C is in the basis and in P3's addition: it stays in the basis list (not subtracted).
  assert.deepEqual(basis.werkprocessen[1].competenties, [C, D]);
  assert.equal(basis.werkprocessen[1].aanvulling, composed[0].werkprocessen[1].aanvulling);
  // Without an addition to the list, the composed list is the item's own.
  assert.equal(basis.werkprocessen[0], composed[0].werkprocessen[0]);
  // A kerntaak the dossier tree does not have (here: its profieldeel) is left as it came.
  assert.equal(profieldeel, composed[1]);
  // Nothing is changed in place: the composed document stays as fetched (it is cached).
  assert.deepEqual(composed[0].vakkennis.map((i) => i.id), ['1', '2', '9']);
});

test('a dossier that lacks an item or its tree leaves the composed lists as they are', () => {
  assert.deepEqual(metBasislijsten(composed, { kerntaken: [] }), composed);
  assert.deepEqual(metBasislijsten(composed, null), composed);
});

test('whether a composed kwalificatie needs the dossier, and whether it has additions at all', () => {
  assert.equal(heeftAanvullendeLijsten(composed), true);
  assert.equal(heeftAanvullingen(composed), true);
  const zonder = [{ code: 'B1-K1', aanvulling: null, werkprocessen: [{ code: 'B1-K1-W1', aanvulling: null }] }];
  assert.equal(heeftAanvullendeLijsten(zonder), false);
  assert.equal(heeftAanvullingen(zonder), false);
  // An addition of texts only (complexiteit) needs no basis lists, but is an addition.
  const tekst = [{ code: 'B1-K2', aanvulling: { profiel: P3, complexiteit: 'x', vakkennis: [] }, werkprocessen: [] }];
  assert.equal(heeftAanvullendeLijsten(tekst), false);
  assert.equal(heeftAanvullingen(tekst), true);
});

// A composed kerntaak or werkproces page reads its basis item (links.basis), not the dossier.
test('a composed werkproces or kerntaak of its own takes the basis lists of its basis item', () => {
  const [kerntaak] = composed;
  const werkproces = kerntaak.werkprocessen[1];
  const basisWerkproces = { code: 'B1-K1-W2', competenties: [D] };
  assert.deepEqual(werkprocesMetBasislijst(werkproces, basisWerkproces).competenties, [D]);
  assert.equal(werkprocesMetBasislijst(werkproces, basisWerkproces).aanvulling, werkproces.aanvulling);
  // No basis item fetched (nothing added to a list), or nothing added: the item as it came.
  assert.equal(werkprocesMetBasislijst(werkproces, null), werkproces);
  assert.equal(werkprocesMetBasislijst(kerntaak.werkprocessen[0], basisWerkproces), kerntaak.werkprocessen[0]);
  const basis = kerntaakMetBasislijsten(kerntaak, dossier.kerntaken[0]);
  assert.deepEqual(basis.vakkennis.map((i) => i.id), ['1', '2']);
  assert.deepEqual(basis.werkprocessen.map((w) => w.competenties), [[D], [C, D]]);
  assert.equal(kerntaakMetBasislijsten(kerntaak, null), kerntaak);
});

test('an addition adds to a list when it adds vakkennis or competenties, not for texts alone', () => {
  assert.equal(voegtLijstToe(composed[0]), true);
  assert.equal(voegtLijstToe(composed[0].werkprocessen[1]), true);
  assert.equal(voegtLijstToe(composed[0].werkprocessen[0]), false);
  assert.equal(voegtLijstToe({ aanvulling: { profiel: P3, complexiteit: 'x', vakkennis: [] } }), false);
  assert.equal(voegtLijstToe({ code: 'B1-K1' }), false);
});

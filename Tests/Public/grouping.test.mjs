// Unit tests of Public/grouping.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupByDossier } from '../../Public/grouping.mjs';

test('items group per dossier in the API\'s order, keeping their own order', () => {
  const a = { crebo: '23292', titel: 'A' };
  const b = { crebo: '23189', titel: 'B' };
  const items = [{ id: 1, d: a }, { id: 2, d: b }, { id: 3, d: a }, { id: 4 }];
  const groups = groupByDossier(items, (item) => item.d);
  assert.deepEqual(groups.map((g) => [g.dossier?.crebo, g.items.map((i) => i.id)]),
    [['23292', [1, 3]], ['23189', [2]], [undefined, [4]]]);
  assert.deepEqual(groupByDossier([], (item) => item.d), []);
});

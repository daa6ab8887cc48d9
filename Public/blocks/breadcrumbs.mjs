// Breadcrumb steps: [label, href, label on paper (optional)].
import { profielNaam } from '../aanvullingen.mjs';
import { pageHref } from '../urls.mjs';

export const HOME_STEP = ['Dossiers', '#/'];

/** Dossiers › the dossier (any object with titel, crebo and links.self: a summary will do). */
export const dossierSteps = (dossier) =>
  [HOME_STEP, [dossier.titel, pageHref(dossier.links.self), `${dossier.titel} (crebo ${dossier.crebo})`]];

/**
 * Dossiers › the dossier › the kwalificatie, for a kwalificatie's composed kerntaak or
 * werkproces (its `dossier` and `kwalificatie` summaries and links).
 */
export const kwalificatieSteps = (item) => [
  ...dossierSteps(item.dossier),
  [profielNaam(item.kwalificatie), pageHref(item.links.kwalificatie), kwalificatieOpPapier(item.kwalificatie)],
];

const kwalificatieOpPapier = (kwalificatie) =>
  `${profielNaam(kwalificatie)} (${kwalificatie.crebo ? `crebo ${kwalificatie.crebo}` : kwalificatie.code})`;

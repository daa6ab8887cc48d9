// Breadcrumb steps: [label, href, label on paper (optional)].
import { pageHref } from '../urls.mjs';

export const HOME_STEP = ['Dossiers', '#/'];

/** Dossiers › the dossier (any object with titel, crebo and links.self: a summary will do). */
export const dossierSteps = (dossier) =>
  [HOME_STEP, [dossier.titel, pageHref(dossier.links.self), `${dossier.titel} (crebo ${dossier.crebo})`]];

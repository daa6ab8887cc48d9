// The page's addresses and the view of each. A new page is one row here and one view module.
import { compileRoutes } from './router.mjs';
import { competentieView } from './views/competentie.mjs';
import { competentiematrixView } from './views/competentiematrix.mjs';
import { competentiesView } from './views/competenties.mjs';
import { dossierView } from './views/dossier.mjs';
import { generiekeOnderdelenView } from './views/generieke-onderdelen.mjs';
import { homeView } from './views/home.mjs';
import { kerntaakView } from './views/kerntaak.mjs';
import { kerntakenView } from './views/kerntaken.mjs';
import { keuzedelenView } from './views/keuzedelen.mjs';
import { kwalificatieKerntaakView } from './views/kwalificatie-kerntaak.mjs';
import { kwalificatieView } from './views/kwalificatie.mjs';
import { kwalificatieWerkprocesView } from './views/kwalificatie-werkproces.mjs';
import { kwalificatiesView } from './views/kwalificaties.mjs';
import { typeringView } from './views/typering.mjs';
import { vakkennisItemView } from './views/vakkennis-item.mjs';
import { vakkennisView } from './views/vakkennis.mjs';
import { werkprocesView } from './views/werkproces.mjs';
import { werkprocessenView } from './views/werkprocessen.mjs';
import { zoekenView } from './views/zoeken.mjs';

/** Each view gets {params, query, apiPath, render} and returns the page's content (or throws). */
export const ROUTES = compileRoutes([
  ['', homeView],
  ['dossiers', homeView],
  ['dossiers/:crebo', dossierView],
  ['dossiers/:crebo/typering', typeringView, { part: true }],
  ['dossiers/:crebo/generieke-onderdelen', generiekeOnderdelenView, { part: true }],
  ['dossiers/:crebo/kwalificaties', kwalificatiesView],
  ['dossiers/:crebo/kwalificaties/:profiel', kwalificatieView],
  ['dossiers/:crebo/kwalificaties/:profiel/kerntaken/:code', kwalificatieKerntaakView],
  ['dossiers/:crebo/kwalificaties/:profiel/werkprocessen/:code', kwalificatieWerkprocesView],
  ['kwalificaties', kwalificatiesView],
  ['kwalificaties/:crebo', kwalificatieView],
  ['kwalificaties/:crebo/kerntaken/:code', kwalificatieKerntaakView],
  ['kwalificaties/:crebo/werkprocessen/:code', kwalificatieWerkprocesView],
  ['dossiers/:crebo/kerntaken', kerntakenView],
  ['dossiers/:crebo/kerntaken/:code', kerntaakView],
  ['dossiers/:crebo/werkprocessen', werkprocessenView],
  ['dossiers/:crebo/werkprocessen/:code', werkprocesView],
  ['dossiers/:crebo/keuzedelen', keuzedelenView],
  ['dossiers/:crebo/competenties', competentiematrixView],
  ['dossiers/:crebo/vakkennis', vakkennisView],
  ['dossiers/:crebo/vakkennis/:id', vakkennisItemView],
  ['competenties', competentiesView],
  ['competenties/:code', competentieView],
  ['zoeken', zoekenView],
]);

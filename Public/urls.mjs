// Page addresses, API paths and outside links: pure functions, no DOM.
//
// The address mirrors the API: #/dossiers/23292/werkprocessen/B1-K2-W3 shows
// /api/v1/dossiers/23292/werkprocessen/B1-K2-W3. An API link from a response therefore
// becomes a page link by swapping the prefix; the page never spells an API URL itself
// beyond its root (the API's own links lead everywhere else).

/** Where the API lives; everything else is reached through its links. */
export const API_ROOT = '/api/v1';

/** The route of an API path: /api/v1/x/y → /x/y (the root → /); other paths as they are. */
export function pageRoute(apiPath) {
  return apiPath.startsWith(API_ROOT) ? apiPath.slice(API_ROOT.length) || '/' : apiPath;
}

/** The page address of an API path: /api/v1/x/y → #/x/y. */
export const pageHref = (apiPath) => '#' + pageRoute(apiPath);

/**
 * The address of a page-only part of a dossier: its typering and its generieke onderdelen are
 * parts of the dossier resource without an API resource (or link) of their own, shown on
 * pages of their own: dossierPartHref('/api/v1/dossiers/23292', 'typering') → #/dossiers/23292/typering.
 */
export const dossierPartRoute = (dossierPath, part) => pageRoute(dossierPath) + '/' + part;
export const dossierPartHref = (dossierPath, part) => '#' + dossierPartRoute(dossierPath, part);

/**
 * The address as route segments and query: "#/dossiers/23292?x=y" → {segments: ['dossiers',
 * '23292'], query}. A segment that does not decode makes the address unknown (segment "?").
 */
export function parseAddress(hash) {
  const [path, queryString = ''] = hash.replace(/^#/, '').split('?');
  let segments;
  try {
    segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    segments = ['?'];
  }
  return { segments, query: new URLSearchParams(queryString) };
}

/** The API path an address mirrors: ['dossiers', '23292'] → /api/v1/dossiers/23292. */
export function apiPathOf(segments) {
  return API_ROOT + (segments.length ? '/' + segments.map(encodeURIComponent).join('/') : '');
}

/** "." and ".." would be resolved by fetch() before they reach the API: no route has them. */
export const isPlainPath = (segments) => !segments.some((s) => s === '.' || s === '..');

/**
 * Fills a link's query template from `values`: "/api/v1/zoeken?q={q}" with {q: 'a b', soort: ''}
 * → "/api/v1/zoeken?q=a+b". A value the template does not name is appended; empty ones are
 * left out (the API reads an absent parameter as "all").
 */
export function fillQuery(template, values) {
  const [path, queryString = ''] = template.split('?');
  const query = new URLSearchParams();
  const named = new Set();
  for (const [name, value] of new URLSearchParams(queryString)) {
    const placeholder = /^\{(\w+)\}$/.exec(value);
    if (!placeholder) {
      query.append(name, value);
      continue;
    }
    named.add(placeholder[1]);
    const filled = values[placeholder[1]];
    if (filled != null && filled !== '') query.append(name, filled);
  }
  for (const [name, value] of Object.entries(values)) {
    if (!named.has(name) && value != null && value !== '') query.append(name, value);
  }
  const filled = query.toString();
  return filled ? `${path}?${filled}` : path;
}

const HOST_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?:[/?#]\S*)?$/i;

/**
 * The address an outside link from the source points to: http(s) and mailto as they are; a
 * bare host name ("www.kwalificatiesmbo.nl", verbatim from the source) gets https:// in front
 * (as a bare href it would be relative); anything else is no link (null).
 */
export function externalHref(url) {
  const trimmed = String(url).trim();
  if (/^(https?:\/\/|mailto:)\S+$/i.test(trimmed)) return trimmed;
  if (HOST_NAME.test(trimmed)) return 'https://' + trimmed;
  return null;
}

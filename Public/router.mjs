// Which view shows an address, and which API resource it reads. Pure functions, no DOM.
import { apiPathOf, isPlainPath } from './urls.mjs';

/**
 * Compiles a route table of [pattern, view, options] rows. A pattern's segments are literals
 * or `:name` parameters ('dossiers/:crebo'). The address mirrors the API, so a route reads
 * the API path of its own segments; a page-only part of a resource (`{part: true}`: the
 * typering of a dossier) reads the resource one segment up.
 */
export function compileRoutes(table) {
  const seen = new Set();
  return table.map(([pattern, view, { part = false } = {}]) => {
    if (seen.has(pattern)) throw new Error(`route ${pattern} is declared twice`);
    seen.add(pattern);
    return { pattern, parts: pattern ? pattern.split('/') : [], view, part };
  });
}

/** The first route for the segments: {view, params, apiPath}, or null for an unknown address. */
export function matchRoute(routes, segments) {
  if (!isPlainPath(segments)) return null;
  for (const route of routes) {
    if (route.parts.length !== segments.length) continue;
    const params = {};
    const matches = route.parts.every((part, i) => {
      if (part[0] !== ':') return part === segments[i];
      params[part.slice(1)] = segments[i];
      return true;
    });
    if (matches) {
      return { view: route.view, params, apiPath: apiPathOf(route.part ? segments.slice(0, -1) : segments) };
    }
  }
  return null;
}

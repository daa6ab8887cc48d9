// Grouping API items for display: pure functions, no DOM.

/**
 * Items grouped by their dossier, in the order the API gives them:
 * [{dossier, items}], one entry per dossier crebo (items without a dossier share one entry,
 * with dossier undefined).
 */
export function groupByDossier(items, dossierOf) {
  const groups = new Map();
  for (const item of items) {
    const dossier = dossierOf(item);
    const key = dossier?.crebo ?? '';
    if (!groups.has(key)) groups.set(key, { dossier, items: [] });
    groups.get(key).items.push(item);
  }
  return [...groups.values()];
}

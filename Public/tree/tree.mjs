// The navigation tree: dossiers and their parts, loaded from the API's links, following the
// address. Links with role=treeitem in nested role=group lists (WAI-ARIA treeview).
import { h } from '../dom.mjs';
import { fetchJSON, fetchRoot } from '../api.mjs';
import { dossierPartRoute, pageRoute, parseAddress } from '../urls.mjs';
import { codeLabel } from '../blocks/text.mjs';
import { setTabStop, wireTreeKeys } from './tree-keyboard.mjs';

/** The children of a dossier's node, from the dossier's own links. */
function dossierChildren(dossier) {
  const links = dossier.links;
  const node = (resource) => ({ route: pageRoute(resource.links.self), code: resource.code, label: resource.titel });
  return [
    { route: dossierPartRoute(links.self, 'typering'), label: 'Typering van de beroepsgroep' },
    { route: pageRoute(links.kwalificaties), label: 'Kwalificaties', children: dossier.kwalificaties.map(node) },
    { route: pageRoute(links.kerntaken), label: 'Kerntaken en werkprocessen', open: true,
      children: dossier.kerntaken.map((kerntaak) =>
        ({ ...node(kerntaak), children: kerntaak.werkprocessen.map(node) })) },
    { route: pageRoute(links.competenties), label: 'Competentiematrix' },
    { route: pageRoute(links.vakkennis), label: 'Vakkennis en vaardigheden' },
    { route: pageRoute(links.keuzedelen), label: 'Keuzedelen' },
    { route: dossierPartRoute(links.self, 'generieke-onderdelen'), label: 'Generieke onderdelen' },
  ];
}

/** Builds the tree into the list `tree` and returns what the navigation asks of it. */
export function createTree(tree) {
  const childLoaders = new Map(); // route → () => Promise<nodes>, for children loaded when opened

  function treeItem({ route, label, code, children, load, open = false }) {
    const hasChildren = (children && children.length > 0) || load;
    const link = h('a', { role: 'treeitem', href: '#' + route, 'data-route': route, tabindex: '-1',
      'aria-expanded': hasChildren ? String(open) : null },
    h('span', { class: 'tw', 'aria-hidden': 'true' }), code && codeLabel(code), code && ' ', label);
    const item = h('li', { role: 'none' }, link);
    if (hasChildren) {
      const group = h('ul', { role: 'group', hidden: !open });
      if (children) group.append(...children.map(treeItem));
      if (load) childLoaders.set(route, load);
      item.append(group);
    }
    return item;
  }

  async function openBranch(item, open) {
    if (item.getAttribute('aria-expanded') == null) return;
    const group = item.nextElementSibling;
    const load = childLoaders.get(item.dataset.route);
    if (open && load) {
      childLoaders.delete(item.dataset.route);
      try {
        group.append(...(await load()).map(treeItem));
      } catch {
        childLoaders.set(item.dataset.route, load); // try again next time
        return;
      }
    }
    item.setAttribute('aria-expanded', String(open));
    group.hidden = !open;
  }

  async function loadTree() {
    try {
      const root = await fetchRoot();
      const lijst = await fetchJSON(root.links.dossiers);
      document.getElementById('boomfout')?.remove();
      tree.append(
        ...lijst.items.map((dossier) => treeItem({
          route: pageRoute(dossier.links.self), code: dossier.crebo, label: dossier.titel,
          load: () => fetchJSON(dossier.links.self).then(dossierChildren),
        })),
        treeItem({ route: pageRoute(root.links.competenties), label: 'De 25 competenties' }));
      const first = tree.querySelector('[role=treeitem]');
      if (first) first.tabIndex = 0;
    } catch {
      document.getElementById('boomfout')?.remove();
      tree.parentElement.append(h('div', { class: 'fout', id: 'boomfout' },
        h('p', {}, 'De lijst met dossiers kon niet worden geladen.'),
        h('p', {}, h('button', { type: 'button', onclick: retry }, 'Opnieuw proberen'))));
    }
  }

  let loaded = loadTree();

  function retry() {
    loaded = loadTree();
    follow(parseAddress(location.hash).segments);
  }

  /** Marks the page being read in the tree and opens the branches above it. */
  async function follow(segments) {
    await loaded;
    const path = '/' + segments.join('/');
    const items = () => [...tree.querySelectorAll('[role=treeitem]')];
    // The top branch the address lies in (a dossier) opens first: its children load then.
    const top = [...tree.children].map((li) => li.firstElementChild)
      .find((a) => path.startsWith(a.dataset.route + '/') || path === a.dataset.route);
    if (top) await openBranch(top, true);
    let here = items().find((a) => a.dataset.route === path);
    // A vakkennis item has no node of its own: its dossier's vakkennis node stands for it; so
    // does a kwalificatie's node for the kerntaken and werkprocessen composed for it.
    const above = { vakkennis: 3, kwalificaties: 4 }[segments[0] === 'dossiers' ? segments[2] : ''];
    if (!here && above && segments.length > above) {
      here = items().find((a) => a.dataset.route === '/' + segments.slice(0, above).join('/'));
    }
    for (const marked of tree.querySelectorAll('[aria-current]')) marked.removeAttribute('aria-current');
    if (!here) return;
    here.setAttribute('aria-current', 'page');
    await openBranch(here, true); // show the werkprocessen of the kerntaak being read
    for (let group = here.closest('[role=group]'); group; group = group.parentElement.closest('[role=group]')) {
      await openBranch(group.previousElementSibling, true);
    }
    setTabStop(tree, here);
  }

  wireTreeKeys(tree, openBranch);

  return {
    follow,
    /** Loads the tree again if it could not be loaded (before "Opnieuw proberen" of a page). */
    reloadIfFailed() {
      if (document.getElementById('boomfout')) loaded = loadTree();
    },
  };
}

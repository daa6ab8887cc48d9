// The browse page for the kwalificatiedossier API: wires the parts together and starts.
//
// Plain ES modules, no framework, no build step: school intranets are often offline and the
// page must stay readable for whoever maintains it next. Three rules hold throughout:
//  1. The address mirrors the API (urls.mjs, router.mjs): a deep link reads the API path it
//     mirrors. Everything else the page reads or links to comes from the links of API
//     responses, starting at the API's root.
//  2. API text is only ever inserted as text (dom.mjs), never as HTML; the Content-Security-
//     Policy's Trusted Types make the browser refuse any HTML string sink.
//  3. Errors from the API are shown on the page, with the problem's own title and detail.
import { createNavigation } from './navigation.mjs';
import { ROUTES } from './routes.mjs';
import { createSearchBox } from './search/search-box.mjs';
import { wireMenu, wireSkipLink } from './shell/menu.mjs';
import { createTree } from './tree/tree.mjs';

const main = document.getElementById('inhoud');
const treeList = document.getElementById('boomlijst');

const tree = createTree(treeList);
const searchBox = createSearchBox({
  field: document.getElementById('zoekveld'),
  form: document.getElementById('zoekform'),
  render: (options) => navigation.render(options),
});
const navigation = createNavigation({
  main,
  routes: ROUTES,
  onAddress: (address) => {
    searchBox.follow(address);
    tree.follow(address.segments);
  },
  onRetry: () => tree.reloadIfFailed(),
});
const setMenuOpen = wireMenu({
  button: document.getElementById('menuknop'),
  nav: document.getElementById('boom'),
  tree: treeList,
});
wireSkipLink(document.getElementById('naar-inhoud'), main);

// "#inhoud" is the skip link's target, not a route (opened without the script's click
// handler, e.g. as a bookmark): show the overview and put the focus on the content.
function showOverview() {
  history.replaceState(null, '', '#/');
  return navigation.render();
}

window.addEventListener('hashchange', () => {
  setMenuOpen(false);
  if (location.hash === '#inhoud') return showOverview();
  // Typing in the search field navigates too; the focus stays in the field then.
  const fromTyping = searchBox.isTyped();
  if (!fromTyping) searchBox.forgetTyping();
  return navigation.render({ focus: !fromTyping });
});

if (location.hash === '#inhoud') showOverview();
else navigation.render({ focus: location.hash.length > 2 });

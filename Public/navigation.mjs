// Shows the current address in <main>: the matching view, or what went wrong.
import { APIError } from './api.mjs';
import { matchRoute } from './router.mjs';
import { parseAddress } from './urls.mjs';
import { errorBox, unknownAddress } from './shell/errors.mjs';

/**
 * The page's render loop. `onAddress(address)` runs first on every render (the tree and the
 * search field follow the address); `onRetry()` before "Opnieuw proberen" renders again.
 */
export function createNavigation({ main, routes, onAddress, onRetry }) {
  // A newer navigation overtakes a slower older one: only the latest render is shown.
  let latest = 0;

  async function render({ focus = true } = {}) {
    const mine = ++latest;
    const address = parseAddress(location.hash);
    const match = matchRoute(routes, address.segments);
    main.setAttribute('aria-busy', 'true');
    onAddress(address);
    let content;
    try {
      content = match
        ? await match.view({ params: match.params, apiPath: match.apiPath, query: address.query, render })
        : unknownAddress(address.segments);
    } catch (error) {
      // A bug in this page (not an API answer) also goes to the console, for developers and
      // for the browser test, which fails on "Paginafout".
      if (!(error instanceof APIError)) console.error('Paginafout:', error);
      content = errorBox(error, retry);
    }
    if (mine !== latest) return;
    main.replaceChildren(content);
    main.setAttribute('aria-busy', 'false');
    if (focus) {
      window.scrollTo(0, 0);
      main.querySelector('h1')?.focus({ preventScroll: true });
    }
  }

  function retry() {
    onRetry();
    render();
  }

  return { render };
}

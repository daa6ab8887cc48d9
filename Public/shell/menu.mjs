// The "Menu" button that shows the tree on a phone, and the skip link.

/** Wires the menu button; returns `setMenuOpen(open)`. */
export function wireMenu({ button, nav, tree }) {
  const setMenuOpen = (open) => {
    button.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  };
  button.addEventListener('click', () => setMenuOpen(button.getAttribute('aria-expanded') !== 'true'));
  // Tapping the link of the page already shown changes no address: close the menu too.
  tree.addEventListener('click', (event) => {
    if (event.target.closest('[role=treeitem]') && !event.target.closest('.tw')) setMenuOpen(false);
  });
  return setMenuOpen;
}

/** The skip link must not change the address (that would be a route): it moves the focus. */
export function wireSkipLink(link, main) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    (main.querySelector('h1') || main).focus();
  });
}

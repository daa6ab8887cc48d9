// Status messages for screen readers (a copied link, the number of search hits).

/** Says `text` through the page's polite live region. */
export function announce(text) {
  const region = document.getElementById('melding');
  region.textContent = '';
  // Emptied first and filled a moment later, so the same words twice are read twice.
  setTimeout(() => (region.textContent = text), 50);
}

// Building DOM elements. API text only ever becomes text nodes here, never markup.

/**
 * h('a', {href: '#/'}, 'tekst', child, [more]) builds an element. Strings become text nodes,
 * so API data can never turn into markup; null and false children and attributes are skipped;
 * `on…` attributes become event listeners, `class` the class name.
 */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value == null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    // The page's Content-Security-Policy blocks inline styles: say so at once, not in a
    // console message the developer may never read.
    else if (name === 'style') throw new Error('inline styles are blocked by the CSP: use a class');
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child != null && child !== false) element.append(child);
  }
  return element;
}

// A search hit's snippet: HTML-escaped text with <mark>…</mark> around the matches.
// Pure functions, no DOM: the parts are later inserted as text, never parsed as HTML.

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references of escaped text ("&amp;" → "&", "&#233;" → "é"). */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** "a <mark>b</mark> &amp; c" → [{text: 'a ', marked: false}, {text: 'b', marked: true}, …] */
export function snippetParts(snippet) {
  const parts = [];
  let marked = false;
  for (const piece of snippet.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) parts.push({ text: decodeEntities(piece), marked });
  }
  return parts;
}

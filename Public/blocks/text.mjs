// Small building blocks of every page: codes, headings, paragraphs, lists, facts, links.
import { h } from '../dom.mjs';
import { NIET_VERMELD, absentListText, paragraphs } from '../format.mjs';
import { pageHref } from '../urls.mjs';

/** "niet vermeld in de bron" (or other words for what is missing), set apart. */
export const absent = (text = NIET_VERMELD) => h('span', { class: 'leeg' }, text);

/** A published code (B1-K2-W3), bold and unbroken. */
export const codeLabel = (code) => h('span', { class: 'code' }, code);

/**
 * A heading of the given level (2..6), so the same block can sit at different depths (a
 * werkproces on its own page, inside a kerntaak, inside a whole kwalificatie).
 */
export const heading = (level, ...children) => h('h' + Math.min(level, 6), {}, ...children);

export const section = (level, title, ...content) =>
  h('section', { class: 'deel' }, heading(level, title), ...content);

/** A published text as paragraphs, or "niet vermeld in de bron". */
export function textBlock(text) {
  const parts = paragraphs(text);
  return parts == null ? h('p', {}, absent()) : parts.map((part) => h('p', {}, part));
}

/** A list from the API through `render` if it has items; else what the source says of it. */
export function listBlock(items, render) {
  const missing = absentListText(items);
  return missing == null ? render(items) : h('p', {}, absent(missing));
}

/**
 * A definition list of [label, value, alwaysShow] rows. Optional rows whose value is null
 * are left out, so a sparse source does not fill the page with "niet vermeld"; core rows
 * always show.
 */
export function facts(rows) {
  const list = h('dl', { class: 'gegevens' });
  for (const [label, value, always] of rows) {
    if (value == null && !always) continue;
    list.append(h('dt', {}, label), h('dd', {}, value == null ? absent() : value));
  }
  return list;
}

/** A page link to the resource at an API path (or link). */
export const pageLink = (apiPath, ...children) => h('a', { href: pageHref(apiPath) }, ...children);

/** A page link to a resource with a published code: "B1-K2 Titel". */
export const codeLink = (resource) =>
  pageLink(resource.links.self, codeLabel(resource.code), ' ', resource.titel);

// Building the page from data. Text is only ever set as text (textContent, attribute values, option labels):
// listeners' SMS bodies, caller ids and names are untrusted and must never become markup.

/** An element with attributes (on* keys become listeners) and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what a node holds. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A table of rows: columns are [heading, row => cell content]. */
export function table(columns, rows, empty = 'Nothing yet.') {
  if (rows.length === 0) return el('p', { class: 'muted' }, empty);
  return el('table', {},
    el('thead', {}, el('tr', {}, columns.map(([heading]) => el('th', {}, heading)))),
    el('tbody', {}, rows.map(row => el('tr', {}, columns.map(([, cell]) => el('td', {}, cell(row)))))));
}

/** An instant as local date and time in the browser, or a dash. */
export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '–';
}

/** An error's message shown in place of a page's content. */
export function problem(error) {
  return el('p', { class: 'error', role: 'alert' }, error.message);
}

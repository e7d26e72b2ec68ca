// The only way the console builds DOM: text through textContent, attributes through setAttribute, never
// innerHTML, so nothing read from a record or an answer can become markup.
const SVG_NS = 'http://www.w3.org/2000/svg';

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value !== undefined && value !== null && value !== false) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element: el('li', { class: 'x' }, 'text', otherNode). */
export const el = (tag, attributes, ...children) => build(document.createElement(tag), attributes, children);

/** An SVG element, same shape as el(). */
export const svg = (tag, attributes, ...children) => build(document.createElementNS(SVG_NS, tag), attributes, children);

export const byId = (id) => document.getElementById(id);

/** Replaces every child of `parent`. */
export const replaceChildren = (parent, ...children) => parent.replaceChildren(...children.flat());

export const shortId = (id) => (typeof id === 'string' ? id.slice(0, 8) : '');

export const clock = (ms) => new Date(ms).toISOString().slice(11, 23);

// Small DOM helpers. Every text from the API goes in as a text node, never as HTML.

/** Creates an element: h('a', {href: '/x', class: 'y'}, 'text', child). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** Briefly highlights an element that changed live (no motion when the user asked for less). */
export function flash(element) {
  element.classList.remove('changed');
  // Reading layout restarts the animation when the same element changes twice in a row.
  void element.offsetWidth;
  element.classList.add('changed');
}

/* The DOM helper of the widget and the console. Untrusted strings go in as text: nothing here parses HTML. */

let uid = 0;

export const nextId = (prefix) => 'forum-' + prefix + '-' + ++uid;

/** `text` sets the text, `on<event>` listens; true is an empty attribute, null/undefined/false none. */
export function el(tag, attributes, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  node.append(...(children || []).filter(Boolean));
  return node;
}

export const button = (label, onclick, attributes) => el('button', { type: 'button', text: label, onclick, ...attributes });

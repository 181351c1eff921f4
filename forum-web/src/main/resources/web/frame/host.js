/* The embedding page: its hello (from an allowed origin only), what it offers, its messages; our height. */
import { t } from '../lib/messages.js';

const allowed = (document.querySelector('meta[name="forum-allowed-origins"]').content || '').split(' ').filter(Boolean);
const handlers = {};
let origin = null;
let greet;
let lastHeight = -1;

export const offer = { sso: null };
const embedded = window.parent !== window;

// null: not embedded, or no hello soon after the frame loaded
export const hello = new Promise((resolve) => {
  greet = resolve;
  setTimeout(() => resolve(null), embedded ? 10000 : 0);
});

export const onHost = (type, handler) => (handlers[type] = handlers[type] || []).push(handler);

export function toHost(message) {
  if (origin) {
    window.parent.postMessage(message, origin);
  }
}

function postHeight() {
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (origin && height !== lastHeight) {
    lastHeight = height;
    toHost({ type: 'forum:height', height, title: t('frame.title') });
  }
}

window.addEventListener('message', (event) => {
  const data = event.data;
  if (event.source !== window.parent || !(event.origin === location.origin || allowed.includes(event.origin))
    || !data || typeof data !== 'object' || (data.type !== 'forum:hello' && event.origin !== origin)) {
    return;
  }
  if (data.type === 'forum:hello') {
    origin = event.origin;
    const sso = data.sso && typeof data.sso === 'object' ? data.sso : null;
    offer.sso = sso && { login: sso.login === true, logout: sso.logout === true };
    lastHeight = -1;
    postHeight();
    greet(data);
  }
  (handlers[data.type] || []).forEach((handler) => handler(data));
});

if (embedded) {
  document.documentElement.classList.add('embedded');
}
if (window.ResizeObserver) {
  new ResizeObserver(postHeight).observe(document.body);
}

/* The frame's height (and title) for embed.js, once its hello comes from the forum's or an allowed origin. */
import { t } from '../lib/messages.js';

const allowedOrigins = (document.querySelector('meta[name="forum-allowed-origins"]').content || '').split(' ').filter(Boolean);
export let parentOrigin = null;
let lastHeight = -1;

if (window.parent !== window) {
  document.documentElement.classList.add('embedded');
}

function postHeight() {
  if (!parentOrigin) {
    return;
  }
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height !== lastHeight) {
    lastHeight = height;
    window.parent.postMessage({ type: 'forum:height', height, title: t('frame.title') }, parentOrigin);
  }
}

window.addEventListener('message', (event) => {
  if (event.source !== window.parent || !(event.origin === location.origin || allowedOrigins.includes(event.origin))) {
    return;
  }
  if (event.data && event.data.type === 'forum:hello') {
    parentOrigin = event.origin;
    lastHeight = -1;
    postHeight();
  }
});
if (window.ResizeObserver) {
  new ResizeObserver(postHeight).observe(document.body);
}

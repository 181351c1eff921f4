/*
 * The live view: the thread's events while the page is visible. Edits, removals and the lock apply in place; new
 * comments are counted, never pushed into the text being read, and shown by the "N new replies" button.
 */
import { el, button } from '../lib/dom.js';
import { t } from '../lib/messages.js';
import { state, open, moderates, threadPath, loadArticle } from './state.js';
import { renderAll, redraw, failed, insertComment, dropComment, updateCount, focusComment, focusHeading } from './thread.js';
import { fillComment } from './comment.js';

const EVENTS = ['comment.created', 'comment.updated', 'comment.deleted', 'comment.removed', 'thread.locked', 'thread.unlocked'];
const live = { source: null, lastEventId: null, threadId: null, retry: null };
let news = null;

/** EventSource reconnects by itself from Last-Event-ID; hidden, the page closes it and reopens from the last seen. */
export function liveStart() {
  if (!state.thread || live.source || !window.EventSource || document.visibilityState !== 'visible') {
    return;
  }
  if (live.threadId !== state.thread.id) {
    live.threadId = state.thread.id;
    live.lastEventId = state.thread.lastEventId;
    state.fresh = [];
  }
  const source = new EventSource(threadPath('/events?after=' + encodeURIComponent(live.lastEventId)));
  live.source = source;
  for (const name of EVENTS) {
    source.addEventListener(name, (event) => {
      live.lastEventId = event.lastEventId;
      let data;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      liveEvent(name, data);
    });
  }
  source.addEventListener('reload', () => {
    // what was missed is no longer kept: read the thread again
    liveStop();
    live.threadId = null;
    loadArticle().then(() => {
      renderAll();
      liveStart();
    }, failed);
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED && live.source === source) {
      // refused rather than dropped: the browser gives up, so try again later
      live.source = null;
      clearTimeout(live.retry);
      live.retry = setTimeout(liveStart, 15000);
    }
  });
}

function liveStop() {
  clearTimeout(live.retry);
  if (live.source) {
    live.source.close();
    live.source = null;
  }
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') {
    liveStart();
  } else {
    liveStop();
  }
});

function liveEvent(name, data) {
  if (!state.thread || data.id === undefined) {
    return;
  }
  if (name === 'thread.locked' || name === 'thread.unlocked') {
    const wasOpen = open();
    state.thread = data;
    if (open() !== wasOpen) {
      showOpenness();
    }
    return;
  }
  const shown = state.byId[data.id];
  const waiting = state.fresh.find((c) => c.id === data.id);
  if (name === 'comment.created') {
    if (!shown && !waiting) {
      state.fresh.push(data);
      state.thread.commentCount += 1;
      updateCount();
    }
  } else if (name === 'comment.updated' || (name === 'comment.removed' && shown && !waiting)) {
    if (waiting) {
      state.fresh[state.fresh.indexOf(waiting)] = data;
    } else if (shown && (!shown.deleted || name === 'comment.removed' || data.status !== shown.status)) {
      // an edit, a removal, a restore or an approval: the comment keeps its place
      if (!moderates() || name !== 'comment.removed') {
        for (const field of ['bodyHtml', 'editedAt', 'author', 'deleted', 'status', 'removal']) {
          shown[field] = data[field];
        }
      } else {
        shown.status = data.status;
        shown.removal = data.removal;
      }
      const node = state.dom && state.dom.nodes[data.id];
      if (node && !node.slot.querySelector('form')) {
        fillComment(node);
      }
    }
  } else if (waiting) {
    state.fresh.splice(state.fresh.indexOf(waiting), 1);
    state.thread.commentCount = Math.max(0, state.thread.commentCount - 1);
    updateCount();
  } else if (shown && !shown.deleted) {
    shown.replyCount = data.replyCount;
    const node = state.dom && state.dom.nodes[data.id];
    const hadFocus = node && node.li.contains(document.activeElement);
    if (!dropComment(shown) && hadFocus) {
      focusHeading();
    }
  }
}

/** A lock or unlock from elsewhere: the notice, composers and buttons follow at once. */
function showOpenness() {
  redraw('moderation', 'lock', 'compose', 'empty');
  for (const node of Object.values((state.dom && state.dom.nodes) || {})) {
    if (!open()) {
      node.slot.replaceChildren();
    }
    fillComment(node);
  }
}

/** A polite live region: it stays in place so that changes are announced. */
export function renderFreshNews() {
  news = el('div', { class: 'fresh-news', 'aria-live': 'polite' });
  updateFreshNews();
  return news;
}

export function updateFreshNews() {
  if (!news) {
    return;
  }
  state.fresh = state.fresh.filter((c) => !state.byId[c.id]);
  const count = state.fresh.length;
  news.replaceChildren(...(count ? [button(t('live.newReplies', { count }), showFresh, { class: 'show-fresh' })] : []));
}

function showFresh() {
  const waiting = state.fresh;
  state.fresh = [];
  let first = null;
  for (const c of waiting) {
    if (state.byId[c.id] || (c.parentId && !state.byId[c.parentId])) {
      // on a page read since, or a reply whose parent is on a page not read yet
      continue;
    }
    insertComment(c);
    first = first || c.id;
  }
  if (state.branch) {
    renderAll();
  }
  updateCount();
  if (first) {
    focusComment(first);
  } else {
    focusHeading();
  }
}

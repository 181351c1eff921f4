/*
 * The thread view: the regions in the order frame.js composes, the comments in their places (nested up to
 * MAX_INLINE_DEPTH, deeper ones in a branch), each comment's box and buttons, the count, sorting, paging.
 */
import { el, button, nextId } from '../lib/dom.js';
import { t, locale, formatDate } from '../lib/messages.js';
import { state, open, loadPage, resetComments } from './state.js';

const MAX_INLINE_DEPTH = 5;
const root = document.getElementById('forum');
let parts = [];
let regions = {};
let retry = () => {};

/** Functions (node) that add buttons under a comment, in their order. */
export const commentActions = [];

/**
 * The regions top to bottom as [name, render, counted]: render() draws one, counted() (optional) follows a change
 * of the counts; retry starts the widget again after a failure.
 */
export function compose(list, onRetry) {
  parts = list;
  retry = onRetry;
}

/** A region with nothing to show now. */
export const nothing = () => el('div', { hidden: true });

export function renderAll() {
  // hold the height while rebuilding so the host page does not jump
  root.style.minHeight = root.offsetHeight + 'px';
  regions = {};
  const children = state.error ? [el('p', { class: 'notice error', role: 'alert', text: t('error.load') }), button(t('action.retry'), retry)]
    : !state.article && !state.startAllowed ? [el('p', { class: 'notice', role: 'status', text: t('thread.notAllowed') })]
      : parts.map(([name, render]) => region(name, render()));
  root.replaceChildren(...children);
  root.setAttribute('aria-busy', 'false');
  state.shown = true;
  requestAnimationFrame(() => { root.style.minHeight = ''; });
}

export function region(name, node) {
  const old = regions[name];
  regions[name] = node;
  if (old && old.parentNode) {
    old.parentNode.replaceChild(node, old);
  }
  return node;
}

export function redraw(...names) {
  parts.filter(([name]) => names.includes(name)).forEach(([name, render]) => region(name, render()));
}

export function failed() {
  state.error = true;
  renderAll();
}

export function renderHeader() {
  const count = state.thread ? state.thread.commentCount : 0;
  const sortId = nextId('sort');
  const select = el('select', { id: sortId, onchange: () => changeSort(select.value) },
    ['oldest', 'newest', 'top'].map((sort) => el('option', { value: sort, selected: sort === state.sort, text: t('sort.' + sort) })));
  return el('div', { class: 'thread-header' }, [
    el('h2', { id: 'forum-count', class: 'count', text: t('thread.count', { count }) }),
    state.article ? el('div', { class: 'sort' }, [el('label', { for: sortId, text: t('sort.label') }), select]) : null
  ]);
}

export function renderLockNotice() {
  if (!state.thread || !state.thread.locked) {
    return nothing();
  }
  const text = state.thread.lockReason ? t('thread.lockedWithReason', { reason: state.thread.lockReason }) : t('thread.locked');
  return el('div', { class: 'notice locked', role: 'status' }, [el('p', { id: 'forum-lock-notice', text }),
    state.thread.lockNote ? el('p', { id: 'forum-lock-note', class: 'lock-note', text: state.thread.lockNote }) : null]);
}

export function renderSlowMode() {
  if (!state.thread || !open() || !(state.thread.slowModeSeconds > 0)) {
    return nothing();
  }
  return el('p', { class: 'notice slow-mode', id: 'forum-slow-mode', role: 'status',
    text: t('thread.slowMode', { count: state.thread.slowModeSeconds }) });
}

export function renderBranchBar() {
  if (!state.branch) {
    return nothing();
  }
  return el('div', { class: 'branch-bar' }, [
    el('p', { text: t('branch.viewing') }),
    button(t('branch.back'), closeBranch, { id: 'forum-branch-back' })
  ]);
}

export function renderEmpty() {
  if (state.comments.length > 0) {
    return nothing();
  }
  return el('p', { class: 'hint empty', text: open() ? t('thread.emptyOpen') : t('thread.empty') });
}

export function renderMore() {
  if (!state.next) {
    return nothing();
  }
  return el('div', { class: 'more' }, [button(t('action.loadMore'), loadMore, { class: 'load-more' })]);
}

function visibleRun() {
  if (!state.branch) {
    return { items: state.comments, baseDepth: 0 };
  }
  const start = state.comments.indexOf(state.byId[state.branch]);
  const top = state.comments[start];
  const items = [top];
  for (let i = start + 1; i < state.comments.length && state.comments[i].depth > top.depth; i++) {
    items.push(state.comments[i]);
  }
  return { items, baseDepth: top.depth };
}

export function renderList() {
  const list = el('ol', { class: 'comments', role: 'list', 'aria-labelledby': 'forum-count' });
  const run = visibleRun();
  state.dom = { list, nodes: {}, baseDepth: run.baseDepth };
  run.items.forEach(place);
  return list;
}

/** Puts a comment under its parent; below the readable depth, only a "continue this thread" link shows. */
function place(c) {
  const dom = state.dom;
  const depth = c.depth - dom.baseDepth;
  const parent = c.parentId ? dom.nodes[c.parentId] : null;
  if (depth > 0 && (!parent || parent.depth >= MAX_INLINE_DEPTH)) {
    return null;
  }
  const node = commentNode(c, depth);
  dom.nodes[c.id] = node;
  (parent ? parent.replies : dom.list).appendChild(node.li);
  return node;
}

/** A comment's box: header, body, buttons, and a slot for the form a button opens. */
function commentNode(c, depth) {
  const labelId = nextId('label');
  const node = {
    comment: c, depth, labelId,
    li: el('li', { class: 'comment', id: 'comment-' + c.id, 'data-comment-id': c.id, 'data-depth': depth }),
    box: el('article', { class: 'comment-box', tabindex: '-1', 'aria-labelledby': labelId }),
    header: el('header', { class: 'comment-meta' }),
    body: el('div', { class: 'comment-body' }),
    actions: el('div', { class: 'comment-actions' }),
    slot: el('div', { class: 'comment-slot' }),
    replies: el('ol', { class: 'replies', role: 'list' })
  };
  fillComment(node);
  node.box.append(node.header, node.body, node.actions, node.slot);
  node.li.append(node.box, node.replies);
  if (depth >= MAX_INLINE_DEPTH && c.replyCount > 0) {
    node.li.appendChild(continueLink(node));
  }
  return node;
}

export function fillComment(node) {
  const c = node.comment;
  node.header.replaceChildren();
  node.body.replaceChildren();
  node.actions.replaceChildren();
  node.li.classList.toggle('deleted', !!c.deleted);
  if (c.deleted) {
    node.header.append(timeNode(c.createdAt));
    node.body.append(el('p', { class: 'deleted-text', id: node.labelId, text: placeholderText(c) }));
  } else {
    node.header.append(el('span', { class: 'author', id: node.labelId, text: c.author.displayName || c.author.username }),
      ' ', timeNode(c.createdAt));
    if (c.editedAt) {
      node.header.append(' ', el('span', { class: 'edited', title: exactTime(c.editedAt), text: t('comment.edited') }));
    }
    const status = statusNote(c);
    if (status) {
      node.header.append(' ', status);
    }
    node.body.innerHTML = c.bodyHtml; // sanitised by the server: the only HTML the widget ever parses
  }
  commentActions.forEach((add) => add(node));
}

function continueLink(node) {
  return button(t('thread.continue'), () => openBranch(node.comment.id), { class: 'link continue', 'aria-describedby': node.labelId });
}

export function placeholderText(c) {
  if (c.status === 'removed') {
    return c.removal && c.removal.reason ? t('comment.removedWithReason', { reason: c.removal.reason }) : t('comment.removed');
  }
  return c.status === 'hidden' ? t('comment.hidden') : t('comment.deleted');
}

/** A mark on a comment that only its author and the moderators see as it is. */
function statusNote(c) {
  const text = { pending: t('comment.awaitingReview'), hidden: t('comment.hiddenBadge') }[c.status] ||
    (c.status === 'removed' ? placeholderText(c) : null);
  return text ? el('span', { class: 'badge status-' + c.status, text }) : null;
}

function timeNode(iso) {
  return el('time', { datetime: iso, title: exactTime(iso), text: relativeTime(iso) });
}

function exactTime(date) {
  return formatDate(date, { dateStyle: 'long', timeStyle: 'short' });
}

const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];

function relativeTime(date) {
  const seconds = Math.round((new Date(date).getTime() - Date.now()) / 1000);
  if (Math.abs(seconds) < 45) {
    return t('time.justNow');
  }
  const [unit, length] = UNITS.find(([, size], i) => Math.abs(seconds) >= size || i === UNITS.length - 1);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(seconds / length), unit);
}

export function refreshTimes() {
  root.querySelectorAll('.comment-meta time').forEach((node) => {
    node.textContent = relativeTime(node.getAttribute('datetime'));
  });
}

export function updateCount() {
  const heading = document.getElementById('forum-count');
  if (heading) {
    heading.textContent = t('thread.count', { count: state.thread ? state.thread.commentCount : 0 });
  }
  region('empty', renderEmpty());
  parts.forEach(([, , counted]) => counted && counted());
}

function changeSort(sort) {
  state.sort = sort;
  resetComments();
  state.fresh = [];
  loadPage(null).then(() => {
    renderAll();
    root.querySelector('.sort select').focus();
  }, failed);
}

function loadMore() {
  root.querySelector('.load-more').disabled = true;
  loadPage(state.next).then((fresh) => {
    if (state.branch) {
      renderAll();
      return;
    }
    const first = fresh.map(place).find(Boolean);
    region('more', renderMore());
    updateCount();
    if (first) {
      first.box.focus();
    }
  }, failed);
}

function openBranch(id) {
  state.branch = id;
  renderAll();
  document.getElementById('forum-branch-back').focus();
}

function closeBranch() {
  const id = state.branch;
  state.branch = null;
  renderAll();
  const node = state.dom.nodes[id];
  if (node) {
    (node.li.querySelector('.continue') || node.box).focus();
  }
}

/** Puts a comment into the list where the thread has it: top-level ones first, replies after their siblings. */
export function insertComment(c) {
  state.byId[c.id] = c;
  if (!c.parentId) {
    state.comments.unshift(c);
    if (!state.branch) {
      const node = commentNode(c, 0);
      state.dom.nodes[c.id] = node;
      state.dom.list.insertBefore(node.li, state.dom.list.firstChild);
    }
    return;
  }
  const parent = state.byId[c.parentId];
  let at = state.comments.indexOf(parent) + 1;
  while (at < state.comments.length && state.comments[at].depth > parent.depth) {
    at += 1;
  }
  state.comments.splice(at, 0, c);
  if (c.status !== 'pending') {
    // a held comment counts nowhere until a moderator approves it
    parent.replyCount += 1;
  }
  const parentNode = state.dom.nodes[c.parentId];
  if (parentNode && parentNode.depth >= MAX_INLINE_DEPTH) {
    if (!parentNode.li.querySelector(':scope > .continue')) {
      parentNode.li.appendChild(continueLink(parentNode));
    }
  } else if (parentNode) {
    const child = commentNode(c, parentNode.depth + 1);
    state.dom.nodes[c.id] = child;
    parentNode.replies.appendChild(child.li);
  }
}

/** A deleted comment leaves the view, or stays as a tombstone while it has replies; true for a tombstone. */
export function dropComment(c) {
  const node = state.dom && state.dom.nodes[c.id];
  state.thread.commentCount = Math.max(0, state.thread.commentCount - 1);
  if (node) {
    node.slot.replaceChildren();
  }
  const tombstone = c.replyCount > 0;
  if (tombstone) {
    // its replies keep their place under a tombstone
    c.deleted = true;
    c.author = null;
    c.bodyHtml = null;
    if (node) {
      fillComment(node);
    }
  } else {
    state.comments.splice(state.comments.indexOf(c), 1);
    delete state.byId[c.id];
    const parent = c.parentId ? state.byId[c.parentId] : null;
    if (parent) {
      parent.replyCount -= 1;
    }
    if (node) {
      node.li.remove();
      delete state.dom.nodes[c.id];
    }
  }
  updateCount();
  return tombstone;
}

export function focusComment(id) {
  const node = state.dom && state.dom.nodes[id];
  if (node) {
    node.box.focus();
  }
}

export function focusHeading() {
  const heading = root.querySelector('h2');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

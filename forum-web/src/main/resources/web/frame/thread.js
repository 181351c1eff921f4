/*
 * The thread view: the regions in the order frame.js composes, the comments in their places (nested up to
 * MAX_INLINE_DEPTH, deeper in a branch of their own), the count, sorting, paging.
 */
import { el, button, nextId } from '../lib/dom.js';
import { t } from '../lib/messages.js';
import { state, open, loadPage, resetComments } from './state.js';
import { commentNode, fillComment } from './comment.js';

const MAX_INLINE_DEPTH = 5;
const root = document.getElementById('forum');
let parts = [];
let regions = {};
let retry = () => {};

/** The regions top to bottom, [name, render, counted?]: counted() follows a change of the counts. */
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

function boxFor(c, depth) {
  const node = commentNode(c, depth);
  if (depth >= MAX_INLINE_DEPTH && c.replyCount > 0) {
    node.li.appendChild(continueLink(node));
  }
  return node;
}

/** Puts a comment under its parent; below the readable depth, a "continue this thread" link stands for it. */
function place(c) {
  const dom = state.dom;
  const depth = c.depth - dom.baseDepth;
  const parent = c.parentId ? dom.nodes[c.parentId] : null;
  if (depth > 0 && (!parent || parent.depth >= MAX_INLINE_DEPTH)) {
    return null;
  }
  const node = boxFor(c, depth);
  dom.nodes[c.id] = node;
  (parent ? parent.replies : dom.list).appendChild(node.li);
  return node;
}

function continueLink(node) {
  return button(t('thread.continue'), () => openBranch(node.comment.id), { class: 'link continue', 'aria-describedby': node.labelId });
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

/** Top-level comments go first, replies after their siblings, as the thread has them. */
export function insertComment(c) {
  state.byId[c.id] = c;
  if (!c.parentId) {
    state.comments.unshift(c);
    if (!state.branch) {
      const node = boxFor(c, 0);
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
    const child = boxFor(c, parentNode.depth + 1);
    state.dom.nodes[c.id] = child;
    parentNode.replies.appendChild(child.li);
  }
}

/** A deleted comment leaves, or stays as a tombstone over its replies: true for a tombstone. */
export function dropComment(c) {
  const node = state.dom && state.dom.nodes[c.id];
  state.thread.commentCount = Math.max(0, state.thread.commentCount - 1);
  if (node) {
    node.slot.replaceChildren();
  }
  const tombstone = c.replyCount > 0;
  if (tombstone) {
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

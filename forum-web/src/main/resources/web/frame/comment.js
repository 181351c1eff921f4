/*
 * One comment's box: its header (author, time, marks), its body (the API's sanitised HTML, the only HTML the widget
 * parses), and the buttons under it, which other modules add through commentActions.
 */
import { el, nextId } from '../lib/dom.js';
import { t, locale, formatDate } from '../lib/messages.js';

/** Functions (node) that add buttons under a comment, in their order. */
export const commentActions = [];

/** A comment's box: header, body, buttons, and a slot for the form a button opens. */
export function commentNode(c, depth) {
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
    // the username beside the display name, and the staff's badge: a display name alone can pass for anyone's
    const a = c.author;
    node.header.append(el('span', { class: 'author', id: node.labelId, text: a.displayName || a.username }),
      ' ', el('span', { class: 'handle', text: '@' + a.username }));
    if (a.role === 'MODERATOR' || a.role === 'ADMIN') {
      node.header.append(' ', el('span', { class: 'badge staff', text: t(a.role === 'ADMIN' ? 'comment.admin' : 'comment.moderator') }));
    }
    node.header.append(' ', timeNode(c.createdAt));
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

function placeholderText(c) {
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
  document.querySelectorAll('#forum .comment-meta time').forEach((node) => {
    node.textContent = relativeTime(node.getAttribute('datetime'));
  });
}


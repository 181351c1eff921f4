/*
 * The console's lists, paged: the queues of held and flagged comments, where each item is approved (or kept) or
 * removed with a reason, and the moderation log ("time: who did what to which, why").
 */
import { el, button } from '../lib/dom.js';
import { t, has } from '../lib/messages.js';
import { api, byId, find, when, commentPath, report, problem } from './common.js';

export const QUEUES = ['pending', 'flagged'];
const cursors = { pending: null, flagged: null, log: null };

/**
 * Loads the first page of a section's list, or with more the page after its cursor, and draws each entry; the
 * first new entry of a further page takes the focus, so a keyboard user carries on where the list grew.
 */
async function loadPaged(id, path, entriesOf, draw, more) {
  const section = byId(id);
  const list = find('ol', section);
  const after = more && cursors[id] ? (path.includes('?') ? '&' : '?') + 'after=' + encodeURIComponent(cursors[id]) : '';
  const answer = await api.call('GET', path + after);
  if (!answer.ok) {
    report(section, problem(answer), true);
    return;
  }
  if (!more) {
    list.replaceChildren();
  }
  const entries = entriesOf(answer.data) || [];
  entries.forEach((entry) => list.append(draw(entry)));
  cursors[id] = answer.data.next || null;
  find('[data-more]', section).hidden = !cursors[id];
  find('.empty', section).hidden = list.children.length > 0;
  if (more && entries.length) {
    const first = list.children[list.children.length - entries.length];
    (find('button', first) || first).focus();
  }
}

export function loadQueue(kind, more) {
  return loadPaged(kind, '/api/v1/moderation/queue?kind=' + kind, (page) => page.items, (item) => queueItem(kind, item), more);
}

function queueItem(kind, item) {
  const c = item.comment;
  const labelId = kind + '-item-' + c.id;
  const author = c.author ? (c.author.displayName || c.author.username) : t('console.unknownAuthor');
  const heading = el('h3', { id: labelId, class: 'item-title' }, [
    t('console.item.title', { author, thread: item.thread ? item.thread.title : '' })]);
  const meta = el('p', { class: 'item-meta' }, [
    el('time', { datetime: c.createdAt, text: when(c.createdAt) }),
    item.thread ? ' · ' + t('console.item.article', { key: item.thread.articleKey }) : null,
    c.author ? ' · @' + c.author.username : null]);
  const body = el('div', { class: 'comment-body' });
  body.innerHTML = c.bodyHtml || ''; // sanitised by the server
  const details = [];
  if (item.holdReason) {
    details.push(el('p', { class: 'hold-reason', text: t('console.item.held', { reason: item.holdReason }) }));
  }
  if (item.flags && item.flags.length) {
    details.push(el('h4', { text: t('console.item.flags', { count: item.flags.length }) }),
      el('ul', { class: 'flags' }, item.flags.map((flag) => el('li', {}, [
        el('strong', { text: t('flag.reason.' + flag.reason) }),
        flag.detail ? ': ' + flag.detail : null,
        ' ', el('span', { class: 'hint', text: t('console.item.flaggedBy', {
          name: flag.flaggedBy || t('console.unknownAuthor'), time: when(flag.createdAt) }) })]))));
  }
  const li = el('li', { class: 'queue-item' });
  li.append(el('article', { 'aria-labelledby': labelId }, [heading, meta, body, ...details]), queueActions(kind, item, li, labelId));
  return li;
}

function queueActions(kind, item, li, labelId) {
  const id = item.comment.id;
  const reasonId = labelId + '-reason';
  const reason = el('input', { id: reasonId, type: 'text', maxlength: 500, autocomplete: 'off', name: 'reason' });
  const error = el('p', { class: 'form-error', role: 'alert', hidden: true });
  const approve = button(t(kind === 'pending' ? 'console.approve' : 'console.keep'),
    () => act(kind, li, api.call('PUT', commentPath(id, '/approval')), kind === 'pending' ? 'console.approved' : 'console.kept', error),
    { class: 'primary', 'aria-describedby': labelId });
  return el('form', { class: 'item-actions', novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    if (!reason.value.trim()) {
      error.textContent = t('console.reasonNeeded');
      error.hidden = false;
      reason.focus();
      return;
    }
    act(kind, li, api.call('PUT', commentPath(id, '/removal'), { reason: reason.value.trim() }), 'console.removed', error);
  } }, [
    approve,
    el('div', { class: 'remove-with-reason' }, [
      el('label', { for: reasonId, text: t('console.removeReason') }), reason,
      el('button', { type: 'submit', class: 'danger', text: t('moderation.remove'), 'aria-describedby': labelId })]),
    error]);
}

/** Runs a decision on a queue item; done, the item leaves the queue and focus moves to the next one. */
async function act(kind, li, request, doneMessage, error) {
  li.querySelectorAll('button').forEach((b) => { b.disabled = true; });
  const answer = await request;
  if (!answer.ok) {
    li.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    error.textContent = problem(answer);
    error.hidden = false;
    return;
  }
  const section = byId(kind);
  const next = li.nextElementSibling || li.previousElementSibling;
  li.remove();
  report(section, t(doneMessage));
  find('.empty', section).hidden = find('ol.queue', section).children.length > 0;
  (next ? find('button', next) : byId(kind + '-heading')).focus();
  loadLog(false);
}

export function loadLog(more) {
  return loadPaged('log', '/api/v1/moderation/log', (page) => page.entries, logEntry, more);
}

/** "time: who did what to which, why"; the target is named as a person knows it (a username, an article key). */
function logEntry(entry) {
  const action = has('console.action.' + entry.action) ? t('console.action.' + entry.action) : entry.action;
  const target = entry.target || {};
  const targetText = has('console.target.' + target.type)
    ? t('console.target.' + target.type, { label: target.label || target.id || '' }) : (target.label || '');
  return el('li', { tabindex: -1 }, [
    el('time', { datetime: entry.createdAt, text: when(entry.createdAt) }), ' ',
    el('strong', { text: entry.actor || t('console.system') }), ' ' + action + ' ',
    el('span', { class: 'target', text: targetText }),
    entry.reason ? el('span', { class: 'reason', text: ': ' + entry.reason }) : null]);
}

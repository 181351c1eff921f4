/*
 * A moderator's tools in the widget: lock and unlock the thread; on each comment remove it with a reason (every
 * reader sees it), restore it, approve a held one, ban its author. account.js imports this module only once a
 * MODERATOR or ADMIN reads, so readers never download it; the API checks the role again on every call.
 */
import { el, button, nextId } from '../lib/dom.js';
import { t } from '../lib/messages.js';
import { api, state, threadPath, commentPath } from './state.js';
import { renderAll } from './thread.js';
import { fillComment } from './comment.js';
import { problemText } from './composer.js';
import { reloadForReader } from './account.js';

const root = document.getElementById('forum');
// screen readers hear the outcome even when the thread is redrawn around it
const live = el('p', { id: 'forum-moderator-status', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
document.body.appendChild(live);

/** Above the thread: Unlock, or Lock with an optional reason. */
export function threadTools() {
  if (state.thread.locked) {
    return el('div', { class: 'moderation' }, [button(t('moderation.unlock'), () => lockChange('DELETE'))]);
  }
  const reasonId = nextId('reason');
  const reason = el('input', { id: reasonId, type: 'text', maxlength: 500, autocomplete: 'off' });
  const error = errorLine();
  return el('form', { class: 'moderation', novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    const text = reason.value.trim();
    lockChange('PUT', text ? { reason: text } : {}, error);
  } }, [el('label', { for: reasonId, text: t('moderation.reason') }), reason,
    el('button', { type: 'submit', text: t('moderation.lock') }), error]);
}

async function lockChange(method, body, error) {
  const r = await api.call(method, threadPath('/lock'), body);
  if (!r.ok) {
    if (error) {
      showError(error, problemText(r));
    }
    return;
  }
  state.thread = r.data;
  renderAll();
  root.querySelector('.moderation button').focus();
}

/** Under a comment: Restore, or Approve and Remove; Ban author on anyone else's. */
export function commentActions(node) {
  const c = node.comment;
  const about = { 'aria-describedby': node.labelId };
  if (c.status === 'deleted') {
    return;
  }
  if (c.status === 'removed') {
    node.actions.append(button(t('moderation.restore'), () => decide(node, 'DELETE', '/removal', undefined, 'moderation.restored'), about));
  } else {
    if (c.status === 'pending' || c.status === 'hidden') {
      node.actions.append(button(t('moderation.approve'), () => decide(node, 'PUT', '/approval', undefined, 'moderation.approved'), about));
    }
    node.actions.append(button(t('moderation.remove'), () => openRemove(node), about));
  }
  if (c.author && c.author.username !== state.me.username) {
    node.actions.append(button(t('moderation.ban'), () => openBan(node), about));
  }
}

function errorLine() {
  return el('p', { class: 'form-error', role: 'alert', hidden: true });
}

function showError(error, text) {
  error.textContent = text;
  error.hidden = false;
}

function say(node, text) {
  node.slot.replaceChildren(el('p', { class: 'hint', text }));
  live.textContent = text;
}

/** Removal, restore or approval: the comment is redrawn from the server's answer, focus stays on it. */
async function decide(node, method, suffix, body, doneMessage, error) {
  const r = await api.call(method, commentPath(node.comment, suffix), body);
  if (!r.ok) {
    if (error) {
      showError(error, problemText(r));
    } else {
      node.slot.replaceChildren(el('p', { class: 'form-error', role: 'alert', text: problemText(r) }));
    }
    return;
  }
  if (r.data && r.data.id === node.comment.id) {
    Object.assign(node.comment, r.data);
  }
  fillComment(node);
  say(node, t(doneMessage));
  node.box.focus();
}

/**
 * A confirmation form under the comment that asks for a reason (readers or the banned author see it) and runs
 * send(reason, error) once one is given.
 */
function openReasonForm(node, options) {
  const id = nextId('reason');
  const reason = el('input', { id, type: 'text', maxlength: 500, autocomplete: 'off', required: true });
  const error = errorLine();
  const form = el('form', { class: 'confirm', novalidate: true, 'aria-label': options.label, onsubmit: (event) => {
    event.preventDefault();
    if (!reason.value.trim()) {
      showError(error, t('moderation.reasonNeeded'));
      reason.focus();
      return;
    }
    options.send(reason.value.trim(), error);
  } }, [el('p', { text: options.question }), el('label', { for: id, text: options.reasonLabel }), reason,
    ...(options.extra || []), error, el('div', { class: 'form-actions' }, [
      el('button', { type: 'submit', class: 'danger', text: options.confirm }),
      button(t('action.cancel'), () => { node.slot.replaceChildren(); node.box.focus(); })])]);
  node.slot.replaceChildren(form);
  reason.focus();
}

function openRemove(node) {
  openReasonForm(node, {
    label: t('moderation.remove'), question: t('moderation.removeQuestion'),
    reasonLabel: t('moderation.removeReason'), confirm: t('moderation.confirmRemove'),
    send: (reason, error) => decide(node, 'PUT', '/removal', { reason }, 'moderation.removed', error)
  });
}

function openBan(node) {
  const name = node.comment.author.username;
  const removeId = nextId('remove-all');
  const removeAll = el('input', { id: removeId, type: 'checkbox' });
  openReasonForm(node, {
    label: t('moderation.ban'), question: t('moderation.banQuestion', { name }),
    reasonLabel: t('moderation.banReason'), confirm: t('moderation.confirmBan'),
    extra: [el('div', { class: 'check' }, [removeAll, el('label', { for: removeId, text: t('moderation.banRemoveComments') })])],
    async send(reason, error) {
      const r = await api.call('PUT', '/api/v1/accounts/' + encodeURIComponent(name) + '/ban', { reason, removeComments: removeAll.checked });
      if (!r.ok) {
        showError(error, problemText(r));
        return;
      }
      const done = t('moderation.banned', { name });
      if (removeAll.checked) {
        // every comment of the author changed: draw the thread again
        reloadForReader().then(() => { live.textContent = done; });
      } else {
        say(node, done);
        node.box.focus();
      }
    }
  });
}

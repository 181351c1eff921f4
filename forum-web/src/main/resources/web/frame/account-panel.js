/*
 * "Your account" (account.js imports it when the reader opens it): the display name, the password of an account
 * that has one here, the reader's data as a file, and leaving for good, said plainly before it happens.
 */
import { el, button, nextId } from '../lib/dom.js';
import { t } from '../lib/messages.js';
import { api, state } from './state.js';
import { problemText } from './composer.js';
import { reloadForReader } from './account.js';
import { signedOut } from './session.js';

const EXPORT_FILE = 'forum-account-data.json';

// its styles, with the panel's first opening
document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/assets/frame/account-panel.css' }));

function field(name, type, autocomplete, value) {
  const id = nextId(name);
  const input = el('input', { id, name, type, autocomplete, value: value || null });
  return { input, row: el('div', { class: 'field' }, [el('label', { for: id, text: t('account.' + name) }), input]) };
}

/** A form whose answer is a sentence in its own status line. */
function form(label, fields, submitText, send) {
  const status = el('p', { class: 'form-status', role: 'status' });
  const submit = el('button', { type: 'submit', text: submitText });
  const node = el('form', { class: 'account-part', novalidate: true, 'aria-label': label, onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.textContent = '';
    status.classList.remove('error');
    const said = await send();
    submit.disabled = false;
    status.textContent = said.text;
    status.classList.toggle('error', !!said.error);
  } }, [el('h4', { text: label }), ...fields.map((f) => f.row), el('div', { class: 'form-actions' }, [submit]), status]);
  return node;
}

function nameForm() {
  if (state.me.signIn === 'sso') {
    return el('div', { class: 'account-part' }, [el('h4', { text: t('account.nameHeading') }),
      el('p', { class: 'hint', text: t('account.nameFromPublisher') })]);
  }
  const name = field('displayName', 'text', 'nickname', state.me.displayName);
  return form(t('account.nameHeading'), [name], t('action.save'), async () => {
    const r = await api.call('PATCH', '/api/v1/me', { displayName: name.input.value.trim() });
    if (!r.ok) {
      return { error: true, text: problemText(r) };
    }
    state.me = r.data;
    api.keepAccount(r.data);
    // the reader's comments show the new name: everything is drawn again, the panel with its notice
    state.notice = t('account.nameSaved');
    await reloadForReader();
    document.querySelector('.account-panel h3').focus();
    return { text: '' };
  });
}

function passwordForm() {
  if (state.me.signIn !== 'password') {
    return null;
  }
  const current = field('currentPassword', 'password', 'current-password');
  const next = field('newPassword', 'password', 'new-password');
  return form(t('account.passwordHeading'), [current, next], t('account.changePassword'), async () => {
    const r = await api.call('PUT', '/api/v1/me/password', { current: current.input.value, new: next.input.value });
    if (!r.ok) {
      return { error: true, text: problemText(r) };
    }
    api.keep(r.data);
    current.input.value = '';
    next.input.value = '';
    return { text: t('account.passwordChanged') };
  });
}

function exportPart() {
  const status = el('p', { class: 'form-status', role: 'status' });
  const link = el('a', { class: 'export-file', download: EXPORT_FILE, hidden: true, text: t('account.exportLink', { file: EXPORT_FILE }) });
  const start = button(t('account.export'), async () => {
    start.disabled = true;
    status.textContent = t('account.exporting');
    const r = await api.call('GET', '/api/v1/me/export');
    start.disabled = false;
    if (!r.ok) {
      status.textContent = problemText(r);
      return;
    }
    if (link.href) {
      URL.revokeObjectURL(link.href);
    }
    link.href = URL.createObjectURL(new Blob([JSON.stringify(r.data)], { type: 'application/json' }));
    link.hidden = false;
    status.textContent = t('account.exported', { file: EXPORT_FILE });
    link.click();
  });
  return el('div', { class: 'account-part' }, [el('h4', { text: t('account.exportHeading') }),
    el('p', { class: 'hint', text: t('account.exportHint') }), start, ' ', link, status]);
}

function deletePart() {
  const part = el('div', { class: 'account-part danger-zone' });
  const ask = button(t('account.delete'), confirm, { class: 'danger' });
  part.append(el('h4', { text: t('account.deleteHeading') }), el('p', { text: t('account.deleteWarning') }), ask);

  function confirm() {
    ask.hidden = true;
    const password = state.me.signIn === 'password' ? field('deletePassword', 'password', 'current-password') : null;
    const status = el('p', { class: 'form-status error', role: 'alert' });
    const sure = el('form', { class: 'confirm', novalidate: true, 'aria-label': t('account.deleteHeading'), onsubmit: async (event) => {
      event.preventDefault();
      const r = await api.call('DELETE', '/api/v1/me', password ? { password: password.input.value } : {});
      if (!r.ok) {
        status.textContent = problemText(r);
        return;
      }
      signedOut(t('account.deleted'));
    } }, [el('p', { class: 'warning', text: t('account.deleteQuestion') }), password && password.row, status,
      el('div', { class: 'form-actions' }, [el('button', { type: 'submit', class: 'danger', text: t('account.confirmDelete') }),
        button(t('action.cancel'), () => { sure.remove(); ask.hidden = false; ask.focus(); })])]);
    part.append(sure);
    (password ? password.input : sure.querySelector('button')).focus();
  }
  return part;
}

export function accountPanel() {
  return el('section', { class: 'account-panel', 'aria-label': t('account.heading') }, [
    el('h3', { tabindex: '-1', text: t('account.heading') }), nameForm(), passwordForm(), exportPart(), deletePart()]);
}

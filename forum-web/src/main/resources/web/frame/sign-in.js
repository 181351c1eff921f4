/*
 * The login and registration forms, imported when a reader asks for one (account.js); importing composer.js here
 * fetches what the reader needs next. Once signed in, the thread is read again for the new reader.
 */
import { el, button, nextId } from '../lib/dom.js';
import { t } from '../lib/messages.js';
import { api, state } from './state.js';
import { problemText } from './composer.js';
import { showAuth, reloadForReader } from './account.js';

const FIELDS = {
  login: [['username', 'text', 'username'], ['password', 'password', 'current-password']],
  register: [['username', 'text', 'username'], ['displayName', 'text', 'nickname'], ['password', 'password', 'new-password']]
};

export function authForm(kind) {
  const root = document.getElementById('forum');
  const inputs = {};
  const errors = {};
  const formError = el('p', { class: 'form-error', role: 'alert', hidden: true });
  const rows = FIELDS[kind].map(([field, type, autocomplete]) => {
    const id = nextId(field);
    const hintId = id + '-hint';
    const hasHint = kind === 'register' && field !== 'username';
    inputs[field] = el('input', { id, name: field, type, autocomplete, required: field !== 'displayName',
      'aria-describedby': (hasHint ? hintId + ' ' : '') + id + '-error' });
    errors[field] = el('p', { class: 'field-error', id: id + '-error', hidden: true });
    return el('div', { class: 'field' }, [el('label', { for: id, text: t('auth.' + field) }), inputs[field],
      hasHint ? el('p', { class: 'hint', id: hintId, text: t('auth.' + field + 'Hint') }) : null, errors[field]]);
  });
  const form = el('form', { class: 'auth', novalidate: true, 'aria-label': t('auth.' + kind + 'Form'), onsubmit: send }, [
    el('h3', { text: t('auth.' + kind + 'Heading') }), ...rows, formError,
    el('div', { class: 'form-actions' }, [
      el('button', { type: 'submit', class: 'primary', text: kind === 'login' ? t('action.login') : t('action.register') }),
      button(t('action.cancel'), () => showAuth(null))])]);
  setTimeout(() => inputs.username.focus(), 0);

  function fieldError(field, text) {
    if (!errors[field]) {
      return false;
    }
    errors[field].textContent = text;
    errors[field].hidden = false;
    inputs[field].setAttribute('aria-invalid', 'true');
    return true;
  }
  function show(r) {
    let placed = false;
    for (const e of (r.data && r.data.errors) || []) {
      placed = fieldError(e.field, e.message) || placed;
    }
    const type = r.data && r.data.type;
    if (!placed && type === '/problems/username-taken') {
      placed = fieldError('username', r.data.detail);
    }
    if (!placed && type === '/problems/weak-password') {
      placed = fieldError('password', r.data.detail);
    }
    if (!placed) {
      formError.textContent = problemText(r);
      formError.hidden = false;
    }
    (form.querySelector('[aria-invalid="true"]') || inputs.username).focus();
  }
  async function send(event) {
    event.preventDefault();
    for (const field of Object.keys(errors)) {
      errors[field].hidden = true;
      errors[field].textContent = '';
      inputs[field].removeAttribute('aria-invalid');
    }
    formError.hidden = true;
    const credentials = { username: inputs.username.value.trim(), password: inputs.password.value };
    let r = { ok: true };
    if (kind === 'register') {
      const displayName = inputs.displayName.value.trim();
      r = await api.request('POST', '/api/v1/accounts', { ...credentials, displayName: displayName || undefined });
    }
    if (r.ok) {
      r = await api.request('POST', '/api/v1/auth/login', credentials);
    }
    if (!r.ok) {
      show(r);
      return;
    }
    api.keep(r.data);
    state.me = api.session().account;
    state.authForm = null;
    await reloadForReader();
    (root.querySelector('.composer textarea') || root.querySelector('.session button')).focus();
  }
  return form;
}

/*
 * The session bar beyond a stranger's two buttons (account.js imports it for a signed-in reader, a host that signs its
 * readers in, or a site without local accounts): who reads, "Your account" (account-panel.js, imported when opened),
 * signing out, the host's sign-in where it lends one, and the notice left after signing out or leaving.
 */
import { el, button } from '../lib/dom.js';
import { t } from '../lib/messages.js';
import { api, state } from './state.js';
import { region } from './thread.js';
import { tools, localAccounts, signInButtons, showAuth, reloadForReader } from './account.js';

const root = document.getElementById('forum');
let panel = null;

export function renderSession() {
  const notice = state.notice ? el('p', { class: 'notice', role: 'status', text: state.notice }) : null;
  if (state.me) {
    return el('div', { class: 'session' }, [
      el('p', { class: 'signed-in' }, [t('session.signedInAs') + ' ', el('strong', { text: state.me.displayName || state.me.username })]),
      button(t('account.open'), togglePanel, { 'aria-expanded': String(!!state.panel) }),
      button(t('action.logout'), logout),
      state.panel && panel ? panel.accountPanel() : null, notice
    ]);
  }
  const host = tools.sso && tools.sso.lends.login;
  return el('div', { class: 'session' }, [
    host ? button(t('action.signInAtHost'), tools.sso.signIn, { class: 'primary' }) : null,
    ...(localAccounts ? signInButtons() : [host ? null : el('p', { class: 'hint', text: t('session.signInAtPublisher') })]),
    notice
  ]);
}

/** What asks a stranger to sign in: the host's sign-in where it lends one, else the forum's login form, else none. */
export function askSignIn() {
  if (tools.sso && tools.sso.lends.login) {
    return tools.sso.signIn;
  }
  return localAccounts ? () => showAuth('login') : null;
}

async function togglePanel() {
  try {
    panel = panel || await import('./account-panel.js');
  } catch (e) {
    return; // offline
  }
  state.panel = !state.panel;
  state.notice = null;
  region('session', renderSession());
  root.querySelector(state.panel ? '.account-panel h3' : '.session button').focus();
}

/** The reader is gone (signed out, or the account deleted): the thread is read again as a stranger's. */
export function signedOut(notice) {
  api.end();
  state.me = null;
  state.panel = false;
  state.notice = notice || null;
  return reloadForReader().then(() => root.querySelector('.session button, .session .hint').focus());
}

function logout() {
  const session = api.session();
  if (tools.sso && state.me.signIn === 'sso') {
    tools.sso.signOut();
  }
  if (session && session.refreshToken) {
    api.request('POST', '/api/v1/auth/logout', { refresh_token: session.refreshToken });
  }
  signedOut();
}

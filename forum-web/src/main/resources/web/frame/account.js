/*
 * Who reads, and what they get: the session bar, the reader's buttons, and the tools of their role, imported only
 * when needed: sign-in.js when asked, composer.js once signed in, moderator.js for moderators, account-panel.js when
 * the reader opens "Your account". A host that signs its readers in may lend its own sign-in and sign-out.
 */
import { el, button } from '../lib/dom.js';
import { t } from '../lib/messages.js';
import { api, state, open, moderates, owns, loadArticle, localAccounts } from './state.js';
import { region, renderAll, nothing, failed } from './thread.js';
import { offer, toHost } from './host.js';

const root = document.getElementById('forum');
const tools = {};
const imports = { signIn: () => import('./sign-in.js'), composer: () => import('./composer.js'),
  moderator: () => import('./moderator.js'), panel: () => import('./account-panel.js') };

/** Imports a tool once; without it (offline), the widget draws what it can. */
async function load(name) {
  try {
    tools[name] = tools[name] || await imports[name]();
  } catch (e) {
    // offline
  }
  return tools[name];
}

export function renderSession() {
  const notice = state.notice ? el('p', { class: 'notice', role: 'status', text: state.notice }) : null;
  if (state.me) {
    return el('div', { class: 'session' }, [
      el('p', { class: 'signed-in' }, [t('session.signedInAs') + ' ', el('strong', { text: state.me.displayName || state.me.username })]),
      button(t('account.open'), togglePanel, { 'aria-expanded': String(state.panel) }),
      button(t('action.logout'), logout),
      state.panel && tools.panel ? tools.panel.accountPanel() : null, notice
    ]);
  }
  const expanded = (kind) => ({ 'aria-expanded': String(state.authForm === kind) });
  const hostSignIn = offer.sso && offer.sso.login;
  return el('div', { class: 'session' }, [
    hostSignIn ? button(t('action.signInAtHost'), askSignIn, { class: 'primary' }) : null,
    localAccounts ? button(t('action.login'), () => showAuth('login'), expanded('login')) : null,
    localAccounts ? button(t('action.register'), () => showAuth('register'), expanded('register')) : null,
    !hostSignIn && !localAccounts ? el('p', { class: 'hint', text: t('session.signInAtPublisher') }) : null,
    state.authForm ? tools.signIn.authForm(state.authForm) : null, notice
  ]);
}

/** What asks a stranger to sign in: the host's sign-in where it lends one, else the forum's login form. */
function askSignIn() {
  if (offer.sso && offer.sso.login) {
    toHost({ type: 'forum:sso-login' });
  } else if (localAccounts) {
    showAuth('login');
  }
}

async function togglePanel() {
  if (!state.panel && !await load('panel')) {
    return;
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

export async function showAuth(kind) {
  if (kind && !await load('signIn')) {
    return;
  }
  state.authForm = kind;
  state.notice = null;
  region('session', renderSession());
  if (!kind) {
    root.querySelector('.session button').focus();
  }
}

function logout() {
  const session = api.session();
  if (offer.sso && offer.sso.logout && state.me.signIn === 'sso') {
    toHost({ type: 'forum:sso-logout' });
  }
  if (session && session.refreshToken) {
    api.request('POST', '/api/v1/auth/logout', { refresh_token: session.refreshToken });
  }
  signedOut();
}

/** Reply, Edit, Delete and Report, as far as the reader may; Reply asks a stranger to log in. */
export function readerActions(node) {
  const c = node.comment;
  const writer = tools.composer;
  const add = (label, action) => node.actions.append(button(label, () => action(node), { 'aria-describedby': node.labelId }));
  if (c.deleted || (state.me && !writer)) {
    return;
  }
  if (open()) {
    if (state.me || localAccounts || (offer.sso && offer.sso.login)) {
      add(t('action.reply'), state.me ? writer.openReply : askSignIn);
    }
  }
  if (owns(c) && open()) {
    add(t('action.edit'), writer.openEdit);
  }
  if (owns(c) && (open() || moderates())) {
    add(t('action.delete'), writer.confirmDelete);
  }
  if (state.me && !owns(c) && !moderates() && c.status === 'published' && !c.flaggedByMe) {
    add(t('flag.action'), writer.openFlag);
  }
}

export function renderTopComposer() {
  if (!open()) {
    return nothing();
  }
  if (!state.me) {
    return el('p', { class: 'hint', text: t(localAccounts ? 'compose.signInToComment' : 'compose.signInAtPublisher') });
  }
  if (state.me.ban) {
    return el('p', { class: 'notice', role: 'status', text: t('session.banned', { reason: state.me.ban.reason }) });
  }
  return tools.composer ? tools.composer.topComposer() : nothing();
}

export const renderModeration = () => (tools.moderator && moderates() && state.thread ? tools.moderator.threadTools() : nothing());
export const moderatorActions = (node) => tools.moderator && moderates() && tools.moderator.commentActions(node);

export async function loadForReader() {
  await Promise.all([state.me && load('composer'), moderates() && load('moderator'), loadArticle()]);
}

/** After signing in or out: what a comment shows depends on who reads. */
export function reloadForReader() {
  return loadForReader().then(renderAll, failed);
}

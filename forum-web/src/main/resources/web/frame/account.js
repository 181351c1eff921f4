/*
 * Who reads, and what they get: the session bar, the reader's buttons, and the tools of their role, imported only
 * when needed: sign-in.js when asked, composer.js once signed in, moderator.js for moderators.
 */
import { el, button } from '../lib/dom.js';
import { t } from '../lib/messages.js';
import { api, state, open, moderates, owns, loadArticle } from './state.js';
import { region, renderAll, nothing, failed } from './thread.js';

const root = document.getElementById('forum');
const tools = {};
const imports = { signIn: () => import('./sign-in.js'), composer: () => import('./composer.js'), moderator: () => import('./moderator.js') };

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
  if (state.me) {
    return el('div', { class: 'session' }, [
      el('p', { class: 'signed-in' }, [t('session.signedInAs') + ' ', el('strong', { text: state.me.displayName || state.me.username })]),
      button(t('action.logout'), logout)
    ]);
  }
  const expanded = (kind) => ({ 'aria-expanded': String(state.authForm === kind) });
  return el('div', { class: 'session' }, [
    button(t('action.login'), () => showAuth('login'), expanded('login')),
    button(t('action.register'), () => showAuth('register'), expanded('register')),
    state.authForm ? tools.signIn.authForm(state.authForm) : null
  ]);
}

export async function showAuth(kind) {
  if (kind && !await load('signIn')) {
    return;
  }
  state.authForm = kind;
  region('session', renderSession());
  if (!kind) {
    root.querySelector('.session button').focus();
  }
}

function logout() {
  const session = api.session();
  api.end();
  state.me = null;
  if (session && session.refreshToken) {
    api.request('POST', '/api/v1/auth/logout', { refresh_token: session.refreshToken });
  }
  reloadForReader().then(() => root.querySelector('.session button').focus());
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
    add(t('action.reply'), state.me ? writer.openReply : () => showAuth('login'));
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
    return el('p', { class: 'hint', text: t('compose.signInToComment') });
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

/*
 * Who reads, and what they get: the session bar, the reader's buttons, and the tools of their role, imported only
 * when needed: sign-in.js when asked, composer.js once signed in, moderator.js for moderators, session.js beyond
 * a stranger's two buttons.
 */
import { el, button } from '../lib/dom.js';
import { t } from '../lib/messages.js';
import { state, open, moderates, owns, loadArticle } from './state.js';
import { region, renderAll, nothing, failed } from './thread.js';

const root = document.getElementById('forum');
export const tools = {};
const imports = { signIn: () => import('./sign-in.js'), composer: () => import('./composer.js'),
  moderator: () => import('./moderator.js'), session: () => import('./session.js') };
export const localAccounts = document.querySelector('meta[name="forum-local-accounts"]').content !== 'false';

/** Imports a tool once; without it (offline), the widget draws what it can. */
export async function load(name) {
  try {
    tools[name] = tools[name] || await imports[name]();
  } catch (e) {
    // offline
  }
  return tools[name];
}

export function renderSession() {
  return tools.session ? tools.session.renderSession() : el('div', { class: 'session' }, signInButtons());
}

export function signInButtons() {
  const expanded = (kind) => ({ 'aria-expanded': String(state.authForm === kind) });
  return [
    button(t('action.login'), () => showAuth('login'), expanded('login')),
    button(t('action.register'), () => showAuth('register'), expanded('register')),
    state.authForm ? tools.signIn.authForm(state.authForm) : null
  ];
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

/** Reply, Edit, Delete and Report, as far as the reader may; Reply asks a stranger to log in. */
export function readerActions(node) {
  const c = node.comment;
  const writer = tools.composer;
  const add = (label, action) => node.actions.append(button(label, () => action(node), { 'aria-describedby': node.labelId }));
  if (c.deleted || (state.me && !writer)) {
    return;
  }
  const ask = tools.session ? tools.session.askSignIn() : () => showAuth('login');
  if (open() && (state.me || ask)) {
    add(t('action.reply'), state.me ? writer.openReply : ask);
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
  await Promise.all([state.me && load('composer'), (state.me || !localAccounts) && load('session'),
    moderates() && load('moderator'), loadArticle()]);
}

/** After signing in or out: what a comment shows depends on who reads. */
export function reloadForReader() {
  return loadForReader().then(renderAll, failed);
}

/*
 * The moderator console (/moderation): ES modules, no framework, no build step. This entry signs the moderator in
 * and out and shows the sections their role allows; queues.js, threads.js and accounts.js own the sections. The
 * page's fixed texts are filled in by the server from the catalogue, the texts made here come from the same one;
 * untrusted strings go in as text, and only the API's sanitised bodyHtml is parsed as HTML.
 */
import { loadMessages, t } from '../lib/messages.js';
import { api, byId, announce, problem } from './common.js';
import { QUEUES, loadQueue, loadLog } from './queues.js';
import { wireThreads } from './threads.js';
import { wireAccounts, loadWordRules } from './accounts.js';

function showOnly(id) {
  ['console-sign-in', 'console-refused', 'console-work'].forEach((part) => { byId(part).hidden = part !== id; });
  byId('console').setAttribute('aria-busy', 'false');
}

function showSignIn(why) {
  byId('console-account').hidden = true;
  showOnly('console-sign-in');
  const error = byId('sign-in-error');
  error.textContent = why || '';
  error.hidden = !why;
}

async function signIn(event) {
  event.preventDefault();
  const form = event.target;
  const error = byId('sign-in-error');
  const username = form.username.value.trim();
  if (!username || !form.password.value) {
    error.textContent = t('console.signIn.missing');
    error.hidden = false;
    (username ? form.password : form.username).focus();
    return;
  }
  const answer = await api.request('POST', '/api/v1/auth/login', { username, password: form.password.value });
  if (!answer.ok) {
    error.textContent = problem(answer);
    error.hidden = false;
    form.password.focus();
    return;
  }
  form.reset();
  error.hidden = true;
  api.keep(answer.data);
  enter(answer.data.account);
}

function signOut() {
  const session = api.session();
  api.end();
  if (session && session.refreshToken) {
    api.request('POST', '/api/v1/auth/logout', { refresh_token: session.refreshToken });
  }
  showSignIn();
  announce(t('console.signedOut'));
  byId('sign-in-username').focus();
}

function enter(who) {
  byId('console-signed-in').textContent = t('console.signedInAs', {
    name: who.displayName || who.username, role: t('console.role.' + who.role) });
  byId('console-account').hidden = false;
  if (who.role !== 'MODERATOR' && who.role !== 'ADMIN') {
    showOnly('console-refused');
    byId('refused-heading').focus();
    return;
  }
  const admin = who.role === 'ADMIN';
  document.querySelectorAll('[data-admin]').forEach((node) => { node.hidden = !admin; });
  byId('word-rules').hidden = !admin;
  showOnly('console-work');
  QUEUES.forEach((kind) => loadQueue(kind, false));
  loadLog(false);
  if (admin) {
    loadWordRules();
  }
  byId('pending-heading').focus();
}

function wire() {
  byId('sign-in-form').addEventListener('submit', signIn);
  byId('console-logout').addEventListener('click', signOut);
  document.querySelectorAll('[data-reload]').forEach((node) => node.addEventListener('click', () => {
    const kind = node.getAttribute('data-reload');
    (kind === 'log' ? loadLog(false) : loadQueue(kind, false)).then(() => announce(t('console.reloaded')));
  }));
  document.querySelectorAll('[data-more]').forEach((node) => node.addEventListener('click', () => {
    const kind = node.getAttribute('data-more');
    return kind === 'log' ? loadLog(true) : loadQueue(kind, true);
  }));
  wireThreads();
  wireAccounts();
}

// a renewal the server refused: the moderator signs in again
api.onEnd = () => showSignIn(t('console.signIn.expired'));

async function start() {
  wire();
  try {
    await loadMessages([document.documentElement.lang]);
  } catch (e) {
    // the page's own texts still show; those made here show as their keys
  }
  if (!api.session()) {
    showSignIn();
    return;
  }
  const me = await api.call('GET', '/api/v1/me');
  if (me.ok) {
    enter(me.data);
  } else if (api.session()) {
    showSignIn(problem(me));
  }
}

start();

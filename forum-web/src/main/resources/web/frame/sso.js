/*
 * Single sign-on, imported before the first draw on a page that signs its readers in (embed.js adds sso=1 to the
 * frame's address and fetches embed/sso.js, which answers here): once the host's hello came, the frame asks what
 * the host lends (its sign-in and sign-out, for session.js's buttons) and for a token it signed, and exchanges that
 * for a session (POST /auth/sso), at load and whenever the host says its reader changed. No token from the host ends
 * a session the publisher started; one made with a password here stays.
 */
import { api, state } from './state.js';
import { parentOrigin } from './host.js';
import { tools, load, reloadForReader } from './account.js';

const toHost = (message) => window.parent.postMessage(message, parentOrigin);
const waiting = {};
let asked = 0;
// the first offer: what the host lends, then its reader (the first draw waits for it, 10 s at most)
let offered;
const firstOffer = new Promise((resolve) => {
  offered = resolve;
  setTimeout(resolve, 10000);
});

tools.sso = {
  lends: { login: false, logout: false },
  signIn: () => toHost({ type: 'forum:sso-login' }),
  signOut: () => tools.sso.lends.logout && toHost({ type: 'forum:sso-logout' })
};

window.addEventListener('message', async (event) => {
  const data = event.data;
  if (event.source !== window.parent || event.origin !== parentOrigin || !data || typeof data !== 'object') {
    return;
  }
  if (data.type === 'forum:hello') {
    toHost({ type: 'forum:sso-offer-request' });
  }
  if (data.type === 'forum:sso-offer') {
    tools.sso.lends = { login: data.login === true, logout: data.logout === true };
    const first = offered;
    offered = null;
    // a slow host page's answer, after the first draw, draws the thread again
    if (first && await followHost() && state.shown) {
      reloadForReader();
    }
    first && first();
  }
  if (data.type === 'forum:sso-token' && waiting[data.id]) {
    waiting[data.id](typeof data.token === 'string' && data.token ? data.token : null);
    delete waiting[data.id];
  }
  // the host's reader signed in or out without a page load
  if (data.type === 'forum:sso-changed' && state.shown && await followHost()) {
    state.authForm = null;
    state.panel = false;
    state.notice = null;
    reloadForReader();
  }
});

/** The host's token; null: its reader is signed out; undefined: no answer within 10 s. */
function askToken() {
  const id = ++asked;
  return new Promise((resolve) => {
    waiting[id] = resolve;
    toHost({ type: 'forum:sso-token-request', id });
    setTimeout(() => {
      delete waiting[id];
      resolve(undefined);
    }, 10000);
  });
}

function endOnServer(session) {
  if (session && session.refreshToken) {
    api.request('POST', '/api/v1/auth/logout', { refresh_token: session.refreshToken });
  }
}

/** Follows the host's reader; true when who reads here changed. */
async function followHost() {
  const token = await askToken();
  const session = api.session();
  const before = state.me;
  if (token === undefined || (token === null && !(session && session.account && session.account.signIn === 'sso'))) {
    return false;
  }
  if (token === null) {
    api.end();
    state.me = null;
    endOnServer(session);
    return true;
  }
  const r = await api.request('POST', '/api/v1/auth/sso', { token });
  if (!r.ok) {
    return false;
  }
  // the session this one replaces ends on the server too
  endOnServer(session);
  api.end();
  api.keep(r.data);
  state.me = r.data.account;
  return !before || before.id !== state.me.id || before.displayName !== state.me.displayName;
}

// the hello came before this module
if (parentOrigin) {
  toHost({ type: 'forum:sso-offer-request' });
}
await Promise.all([load('session'), firstOffer]);

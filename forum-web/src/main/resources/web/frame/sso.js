/*
 * Single sign-on, imported when the host's hello says it signs its readers in: the frame asks the host for a token
 * it signed and exchanges it for a session (POST /auth/sso), at load and whenever the host says its reader changed.
 * No token from the host ends a session the publisher started; one made with a password here stays.
 */
import { api, state } from './state.js';
import { onHost, toHost } from './host.js';
import { reloadForReader } from './account.js';

const waiting = {};
let asked = 0;

onHost('forum:sso-token', (data) => {
  const resolve = waiting[data.id];
  delete waiting[data.id];
  if (resolve) {
    resolve(typeof data.token === 'string' && data.token ? data.token : null);
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
export async function followHost() {
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

// the host's reader signed in or out without a page load
onHost('forum:sso-changed', async () => {
  if (state.shown && await followHost()) {
    state.authForm = null;
    state.panel = false;
    state.notice = null;
    reloadForReader();
  }
});

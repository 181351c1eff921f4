/*
 * The one API client of the widget and the console: answers {ok, status, data, retryAfter} (status 0 offline), the
 * session in the given Storage, one renewal of an expired token for all waiting calls (refresh tokens rotate); a refused
 * one calls onEnd.
 */

export function createApi(storage, key) {
  let renewal = null;
  let session = stored();

  function stored() {
    try {
      return JSON.parse(storage().getItem(key) || 'null');
    } catch (e) {
      return null; // storage blocked: signed out
    }
  }

  function save(next) {
    session = next;
    try {
      if (next) {
        storage().setItem(key, JSON.stringify(next));
      } else {
        storage().removeItem(key);
      }
    } catch (e) {
      // storage blocked: the session lasts as long as the page
    }
  }

  async function send(method, path, body, token, extraHeaders) {
    const headers = { Accept: 'application/json', ...extraHeaders };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    try {
      const response = await fetch(path, { method, headers, credentials: 'omit', cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      let data = null;
      try {
        data = text ? JSON.parse(text) : null;
      } catch (e) {
        // not JSON
      }
      return { ok: response.ok, status: response.status, data, retryAfter: response.headers.get('Retry-After') };
    } catch (e) {
      return { ok: false, status: 0, data: null };
    }
  }

  const api = {
    onEnd() {},
    session: () => session,
    /** The tokens of a login or a renewal, and its account if it has one. */
    keep(tokens) {
      save({ accessToken: tokens.access_token, refreshToken: tokens.refresh_token || (session && session.refreshToken),
        account: tokens.account || (session && session.account) });
    },
    keepAccount(account) {
      save({ ...session, account });
    },
    end() {
      save(null);
    },
    /** A call without the session's token. */
    request: (method, path, body, headers) => send(method, path, body, null, headers),
    async call(method, path, body, headers) {
      const token = session && session.accessToken;
      const answer = await send(method, path, body, token, headers);
      if (answer.status !== 401 || !token) {
        return answer;
      }
      const renewed = session && session.accessToken !== token ? true : await renew();
      return renewed && session ? send(method, path, body, session.accessToken, headers) : answer;
    }
  };

  function renew() {
    renewal = renewal || (async () => {
      // a refresh token is good once: if another tab renewed first, take its session instead of spending ours again
      const latest = stored();
      if (latest && session && latest.refreshToken !== session.refreshToken) {
        session = latest;
        return true;
      }
      const refreshToken = session && session.refreshToken;
      const answer = refreshToken ? await send('POST', '/api/v1/auth/refresh', { refresh_token: refreshToken })
        : { status: 401 };
      if (answer.ok) {
        api.keep(answer.data);
        return true;
      }
      if (answer.status === 400 || answer.status === 401) {
        api.end();
        api.onEnd();
      }
      return false;
    })().finally(() => { renewal = null; });
    return renewal;
  }

  return api;
}

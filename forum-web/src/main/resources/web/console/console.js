/*
 * The moderator console (/moderation). Plain script, no framework, no build step. The page's fixed texts are filled
 * in by the server from the message catalogue; the texts made here come from the same catalogue. Untrusted strings
 * (names, reasons, notes) go in as text; only the API's sanitised bodyHtml is parsed as HTML.
 *
 * The tokens live in sessionStorage: a reload keeps the moderator signed in, closing the tab ends the session, and
 * neither other tabs nor the widget (which keeps a reader's session in localStorage) ever hold a moderator's token.
 * The page sends no cookies and allows no inline script, so nothing but this file can read them.
 */
(() => {
  'use strict';

  const SESSION_KEY = 'forum.console';
  const QUEUES = ['pending', 'flagged'];

  const byId = (id) => document.getElementById(id);
  const find = (selector, scope) => (scope || document).querySelector(selector);

  let messages = {};
  let session = readSession();
  let account = null;
  let thread = null;
  const cursors = { pending: null, flagged: null, log: null };

  // ---- texts ----

  function say(name, values) {
    let text = messages[name] === undefined ? name : messages[name];
    if (typeof text === 'object') {
      text = text[new Intl.PluralRules(messages.locale || 'en').select(values.count)] || text.other;
    }
    return text.replace(/\{(\w+)\}/g, (match, field) => (values && values[field] !== undefined ? String(values[field]) : match));
  }

  function when(iso) {
    return new Intl.DateTimeFormat(messages.locale || 'en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  // ---- DOM ----

  /** An element with properties (textContent, className, ...), attributes under attrs, and children. */
  function make(tag, properties, children) {
    const node = document.createElement(tag);
    const { attrs, ...rest } = properties || {};
    Object.assign(node, rest);
    Object.entries(attrs || {}).forEach(([name, value]) => {
      if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    });
    (children || []).filter(Boolean).forEach((child) => node.append(child));
    return node;
  }

  function actionButton(label, handler, className, describedBy) {
    const node = make('button', { type: 'button', textContent: label, className: className || '',
      attrs: { 'aria-describedby': describedBy } });
    node.addEventListener('click', handler);
    return node;
  }

  /** Says what happened in a section's live region; errors also show in the danger colour. */
  function report(section, text, failed) {
    const result = find('.result', section);
    result.textContent = text;
    result.classList.toggle('form-error', !!failed);
  }

  function announce(text) {
    const live = byId('console-announce');
    live.textContent = '';
    requestAnimationFrame(() => { live.textContent = text; });
  }

  // ---- session ----

  function readSession() {
    try {
      return JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
    } catch (e) {
      return null;
    }
  }

  function keepSession(tokens) {
    session = {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token || (session && session.refreshToken)
    };
    try {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    } catch (e) {
      // storage blocked: the session lasts as long as the page
    }
  }

  function dropSession() {
    session = null;
    account = null;
    try {
      sessionStorage.removeItem(SESSION_KEY);
    } catch (e) {
      // nothing stored
    }
  }

  // ---- API ----

  async function send(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (session) {
      headers.Authorization = 'Bearer ' + session.accessToken;
    }
    let response;
    try {
      response = await fetch(path, { method, headers, credentials: 'omit', cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      return { ok: false, status: 0, data: null };
    }
    const raw = await response.text();
    let data = null;
    try {
      data = raw ? JSON.parse(raw) : null;
    } catch (e) {
      data = null;
    }
    return { ok: response.ok, status: response.status, data, retryAfter: response.headers.get('Retry-After') };
  }

  /** A call with the moderator's token; an expired one is renewed once, a refused renewal signs out. */
  async function call(method, path, body) {
    const answer = await send(method, path, body);
    if (answer.status !== 401 || !session) {
      return answer;
    }
    const renewed = session.refreshToken
      ? await send('POST', '/api/v1/auth/refresh', { refresh_token: session.refreshToken }) : { ok: false };
    if (renewed.ok) {
      keepSession(renewed.data);
      return send(method, path, body);
    }
    dropSession();
    showSignIn(say('console.signIn.expired'));
    return answer;
  }

  function problem(answer) {
    if (answer.status === 0) {
      return say('error.network');
    }
    if (answer.status === 429 && answer.retryAfter) {
      return say('error.tooMany', { count: Number(answer.retryAfter) || 1 });
    }
    const data = answer.data || {};
    const fields = (data.errors || []).map((e) => e.message).filter(Boolean);
    return fields.length ? (data.detail || '') + ' ' + fields.join('; ') : (data.detail || say('error.generic'));
  }

  const commentPath = (id, suffix) => '/api/v1/comments/' + encodeURIComponent(id) + suffix;
  const threadPath = (id, suffix) => '/api/v1/threads/' + encodeURIComponent(id) + suffix;

  // ---- signing in and out ----

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
      error.textContent = say('console.signIn.missing');
      error.hidden = false;
      (username ? form.password : form.username).focus();
      return;
    }
    const answer = await send('POST', '/api/v1/auth/login', { username, password: form.password.value });
    if (!answer.ok) {
      error.textContent = problem(answer);
      error.hidden = false;
      form.password.focus();
      return;
    }
    form.reset();
    error.hidden = true;
    keepSession(answer.data);
    enter(answer.data.account);
  }

  async function signOut() {
    const refreshToken = session && session.refreshToken;
    dropSession();
    if (refreshToken) {
      send('POST', '/api/v1/auth/logout', { refresh_token: refreshToken });
    }
    showSignIn();
    announce(say('console.signedOut'));
    byId('sign-in-username').focus();
  }

  function enter(who) {
    account = who;
    byId('console-signed-in').textContent = say('console.signedInAs', {
      name: who.displayName || who.username, role: say('console.role.' + who.role) });
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

  // ---- the queues ----

  /**
   * Loads the first page of a section's list, or with more the page after its cursor, and draws each entry; the
   * first new entry of a further page takes the focus, so a keyboard user carries on where the list grew.
   */
  async function loadPaged(id, path, entriesOf, draw, more) {
    const section = byId(id);
    const list = find('ol', section);
    const after = more && cursors[id] ? (path.includes('?') ? '&' : '?') + 'after=' + encodeURIComponent(cursors[id]) : '';
    const answer = await call('GET', path + after);
    if (!answer.ok) {
      report(section, problem(answer), true);
      return;
    }
    if (!more) {
      list.replaceChildren();
    }
    const entries = entriesOf(answer.data) || [];
    entries.forEach((entry) => list.append(draw(entry)));
    cursors[id] = answer.data.next || null;
    find('[data-more]', section).hidden = !cursors[id];
    find('.empty', section).hidden = list.children.length > 0;
    if (more && entries.length) {
      const first = list.children[list.children.length - entries.length];
      (find('button', first) || first).focus();
    }
  }

  function loadQueue(kind, more) {
    return loadPaged(kind, '/api/v1/moderation/queue?kind=' + kind, (page) => page.items,
      (item) => queueItem(kind, item), more);
  }

  function queueItem(kind, item) {
    const c = item.comment;
    const labelId = kind + '-item-' + c.id;
    const author = c.author ? (c.author.displayName || c.author.username) : say('console.unknownAuthor');
    const li = make('li', { className: 'queue-item' });
    const heading = make('h3', { id: labelId, className: 'item-title' }, [
      say('console.item.title', { author, thread: item.thread ? item.thread.title : '' })]);
    const meta = make('p', { className: 'item-meta' }, [
      make('time', { dateTime: c.createdAt, textContent: when(c.createdAt) }),
      item.thread ? ' · ' + say('console.item.article', { key: item.thread.articleKey }) : null,
      c.author ? ' · @' + c.author.username : null]);
    const body = make('div', { className: 'comment-body' });
    body.innerHTML = c.bodyHtml || ''; // sanitised by the server
    const details = [];
    if (item.holdReason) {
      details.push(make('p', { className: 'hold-reason', textContent: say('console.item.held', { reason: item.holdReason }) }));
    }
    if (item.flags && item.flags.length) {
      details.push(make('h4', { textContent: say('console.item.flags', { count: item.flags.length }) }),
        make('ul', { className: 'flags' }, item.flags.map((flag) => make('li', {}, [
          make('strong', { textContent: say('flag.reason.' + flag.reason) }),
          flag.detail ? ': ' + flag.detail : null,
          ' ', make('span', { className: 'hint', textContent: say('console.item.flaggedBy', {
            name: flag.flaggedBy || say('console.unknownAuthor'), time: when(flag.createdAt) }) })]))));
    }
    li.append(make('article', { attrs: { 'aria-labelledby': labelId } }, [heading, meta, body].concat(details)),
      queueActions(kind, item, li, labelId));
    return li;
  }

  function queueActions(kind, item, li, labelId) {
    const id = item.comment.id;
    const reasonId = labelId + '-reason';
    const reason = make('input', { id: reasonId, type: 'text', maxLength: 500, autocomplete: 'off', name: 'reason' });
    const error = make('p', { className: 'form-error', attrs: { role: 'alert' }, hidden: true });
    const approve = actionButton(say(kind === 'pending' ? 'console.approve' : 'console.keep'),
      () => act(kind, li, call('PUT', commentPath(id, '/approval')), kind === 'pending' ? 'console.approved' : 'console.kept', error),
      'primary', labelId);
    const form = make('form', { className: 'item-actions', noValidate: true }, [
      approve,
      make('div', { className: 'remove-with-reason' }, [
        make('label', { htmlFor: reasonId, textContent: say('console.removeReason') }), reason,
        make('button', { type: 'submit', className: 'danger', textContent: say('moderation.remove'),
          attrs: { 'aria-describedby': labelId } })]),
      error]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!reason.value.trim()) {
        error.textContent = say('console.reasonNeeded');
        error.hidden = false;
        reason.focus();
        return;
      }
      act(kind, li, call('PUT', commentPath(id, '/removal'), { reason: reason.value.trim() }), 'console.removed', error);
    });
    return form;
  }

  /** Runs a decision on a queue item; done, the item leaves the queue and focus moves to the next one. */
  async function act(kind, li, request, doneMessage, error) {
    li.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    const answer = await request;
    if (!answer.ok) {
      li.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      error.textContent = problem(answer);
      error.hidden = false;
      return;
    }
    const section = byId(kind);
    const next = li.nextElementSibling || li.previousElementSibling;
    li.remove();
    report(section, say(doneMessage));
    find('.empty', section).hidden = find('ol.queue', section).children.length > 0;
    (next ? find('button', next) : byId(kind + '-heading')).focus();
    loadLog(false);
  }

  // ---- the log ----

  function loadLog(more) {
    return loadPaged('log', '/api/v1/moderation/log', (page) => page.entries, logEntry, more);
  }

  /** "time: who did what to which, why"; the target is named as a person knows it (a username, an article key). */
  function logEntry(entry) {
    const known = (name) => messages[name] !== undefined;
    const action = known('console.action.' + entry.action) ? say('console.action.' + entry.action) : entry.action;
    const target = entry.target || {};
    const targetText = known('console.target.' + target.type)
      ? say('console.target.' + target.type, { label: target.label || target.id || '' }) : (target.label || '');
    return make('li', { tabIndex: -1 }, [
      make('time', { dateTime: entry.createdAt, textContent: when(entry.createdAt) }), ' ',
      make('strong', { textContent: entry.actor || say('console.system') }), ' ' + action + ' ',
      make('span', { className: 'target', textContent: targetText }),
      entry.reason ? make('span', { className: 'reason', textContent: ': ' + entry.reason }) : null]);
  }

  // ---- threads ----

  async function findThread(event) {
    event.preventDefault();
    const section = byId('threads');
    const key = byId('thread-key').value.trim();
    if (!key) {
      report(section, say('console.threads.keyNeeded'), true);
      byId('thread-key').focus();
      return;
    }
    const answer = await call('GET', '/api/v1/articles/' + encodeURIComponent(key));
    if (!answer.ok) {
      byId('thread-details').hidden = true;
      report(section, answer.status === 404 ? say('console.threads.notFound', { key }) : problem(answer), true);
      return;
    }
    showThread(answer.data.thread);
    report(section, say('console.threads.found', { title: thread.title }));
  }

  function showThread(view) {
    thread = view;
    byId('thread-details').hidden = false;
    byId('thread-title').textContent = view.title;
    const parts = [view.locked
      ? say(view.lockReason ? 'console.threads.lockedWithReason' : 'console.threads.locked', { reason: view.lockReason })
      : say('console.threads.open')];
    if (view.lockNote) {
      parts.push(say('console.threads.note', { note: view.lockNote }));
    }
    parts.push(say('console.threads.premoderationIs', { value: say('console.premoderation.' + premoderationKey(view.premoderation)) }),
      view.slowModeSeconds > 0 ? say('console.threads.slowModeIs', { count: view.slowModeSeconds }) : say('console.threads.slowModeOff'));
    byId('thread-state').textContent = parts.join(' ');
    byId('thread-lock').hidden = view.locked;
    byId('thread-unlock').hidden = !view.locked;
    byId('thread-premoderation').value = view.premoderation || 'default';
    byId('thread-slow-mode').value = String(view.slowModeSeconds || 0);
  }

  function premoderationKey(value) {
    return value === 'new_accounts' ? 'newAccounts' : (value || 'default');
  }

  async function threadChange(request, doneMessage, focusAfter) {
    const answer = await request;
    const section = byId('threads');
    if (!answer.ok) {
      report(section, problem(answer), true);
      return;
    }
    showThread(answer.data);
    report(section, say(doneMessage));
    byId(focusAfter).focus();
    loadLog(false);
  }

  function lockThread(event) {
    event.preventDefault();
    const reason = byId('lock-reason').value.trim();
    const note = byId('lock-note').value.trim();
    threadChange(call('PUT', threadPath(thread.id, '/lock'), { reason: reason || undefined, note: note || undefined }),
      'console.threads.lockedDone', 'thread-title');
  }

  function unlockThread() {
    threadChange(call('DELETE', threadPath(thread.id, '/lock')), 'console.threads.unlockedDone', 'thread-title');
  }

  function saveThreadSettings(event) {
    event.preventDefault();
    const seconds = byId('thread-slow-mode').value.trim();
    if (!/^\d{1,5}$/.test(seconds)) {
      report(byId('threads'), say('console.threads.slowModeInvalid'), true);
      byId('thread-slow-mode').focus();
      return;
    }
    threadChange(call('PUT', threadPath(thread.id, '/moderation'), {
      premoderation: byId('thread-premoderation').value, slowModeSeconds: Number(seconds)
    }), 'console.threads.saved', 'thread-premoderation');
  }

  // ---- accounts ----

  function banRequest() {
    const form = byId('ban-form');
    const username = form.username.value.trim();
    if (!username) {
      report(byId('accounts'), say('console.accounts.usernameNeeded'), true);
      form.username.focus();
      return null;
    }
    return username;
  }

  async function ban(event) {
    event.preventDefault();
    const form = byId('ban-form');
    const username = banRequest();
    if (!username) {
      return;
    }
    const reason = form.reason.value.trim();
    if (!reason) {
      report(byId('accounts'), say('console.reasonNeeded'), true);
      form.reason.focus();
      return;
    }
    const body = { reason, removeComments: form.removeComments.checked };
    if (form.until.value) {
      body.until = new Date(form.until.value).toISOString();
    }
    const answer = await call('PUT', '/api/v1/accounts/' + encodeURIComponent(username) + '/ban', body);
    report(byId('accounts'), answer.ok ? say('console.accounts.banned', { name: username, count: answer.data.removedComments })
      : problem(answer), !answer.ok);
    if (answer.ok) {
      form.reason.value = '';
      loadLog(false);
      QUEUES.forEach((kind) => loadQueue(kind, false));
    }
  }

  async function unban() {
    const username = banRequest();
    if (!username) {
      return;
    }
    const answer = await call('DELETE', '/api/v1/accounts/' + encodeURIComponent(username) + '/ban');
    report(byId('accounts'), answer.ok ? say('console.accounts.unbanned', { name: username }) : problem(answer), !answer.ok);
    if (answer.ok) {
      loadLog(false);
    }
  }

  // ---- word rules (ADMIN) ----

  const lines = (text) => text.split('\n').map((line) => line.trim()).filter(Boolean);

  async function loadWordRules() {
    const answer = await call('GET', '/api/v1/moderation/word-rules');
    if (!answer.ok) {
      report(byId('word-rules'), problem(answer), true);
      return;
    }
    byId('rules-reject').value = (answer.data.reject || []).join('\n');
    byId('rules-hold').value = (answer.data.hold || []).join('\n');
  }

  async function saveWordRules(event) {
    event.preventDefault();
    const answer = await call('PUT', '/api/v1/moderation/word-rules',
      { reject: lines(byId('rules-reject').value), hold: lines(byId('rules-hold').value) });
    report(byId('word-rules'), answer.ok ? say('console.rules.saved') : problem(answer), !answer.ok);
    if (answer.ok) {
      loadLog(false);
    }
  }

  // ---- start ----

  function wire() {
    byId('sign-in-form').addEventListener('submit', signIn);
    byId('console-logout').addEventListener('click', signOut);
    document.querySelectorAll('[data-reload]').forEach((node) => node.addEventListener('click', () => {
      const kind = node.getAttribute('data-reload');
      (kind === 'log' ? loadLog(false) : loadQueue(kind, false)).then(() => announce(say('console.reloaded')));
    }));
    document.querySelectorAll('[data-more]').forEach((node) => node.addEventListener('click', () => {
      const kind = node.getAttribute('data-more');
      return kind === 'log' ? loadLog(true) : loadQueue(kind, true);
    }));
    byId('thread-find').addEventListener('submit', findThread);
    byId('thread-lock').addEventListener('submit', lockThread);
    find('#thread-unlock button').addEventListener('click', unlockThread);
    byId('thread-settings').addEventListener('submit', saveThreadSettings);
    byId('ban-form').addEventListener('submit', ban);
    byId('unban').addEventListener('click', unban);
    byId('rules-form').addEventListener('submit', saveWordRules);
  }

  async function start() {
    wire();
    try {
      messages = await (await fetch('/assets/messages.en.json', { credentials: 'omit' })).json();
    } catch (e) {
      messages = {};
    }
    if (!session) {
      showSignIn();
      return;
    }
    const me = await call('GET', '/api/v1/me');
    if (me.ok) {
      enter(me.data);
    } else if (session) {
      showSignIn(problem(me));
    }
  }

  start();
})();

/*
 * The discussion inside the publisher's iframe, on the forum's origin. Plain DOM, no framework. Every text comes
 * from the message catalogue; untrusted strings (names, reasons) go in as text, and only the API's sanitised
 * bodyHtml is parsed as HTML.
 */
(function () {
  'use strict';

  var MAX_INLINE_DEPTH = 5;
  var PAGE_SIZE = 50;
  var SESSION_KEY = 'forum.session';

  var root = document.getElementById('forum');
  var params = new URLSearchParams(location.search);
  var key = decodeURIComponent(location.pathname.replace(/^\/embed\//, ''));
  var page = { title: params.get('title') || key, url: params.get('url') || '' };
  var theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') {
    document.documentElement.setAttribute('data-theme', theme);
  }
  var embedded = window.parent !== window;
  if (embedded) {
    document.documentElement.classList.add('embedded');
  }
  var allowedOrigins = (document.querySelector('meta[name="forum-allowed-origins"]').content || '')
    .split(' ').filter(Boolean);

  var messages = {};
  var lang = 'en';
  var state = {
    article: null, thread: null, startAllowed: false,
    comments: [], byId: {}, next: null, sort: 'oldest', branch: null,
    me: null, authForm: null, dom: null, error: null
  };
  var regions = {};
  var uid = 0;
  // live events: the stream while the page is visible, the last event id seen, and new comments not yet shown
  var live = { source: null, lastEventId: null, threadId: null, fresh: [], retry: null };

  // ---- messages ----

  function t(name, values) {
    var text = messages[name];
    if (text === undefined) {
      return name;
    }
    if (typeof text === 'object') {
      text = text[new Intl.PluralRules(lang).select(values.count)] || text.other;
    }
    return text.replace(/\{(\w+)\}/g, function (match, field) {
      return values && values[field] !== undefined ? String(values[field]) : match;
    });
  }

  // ---- DOM ----

  function nextId(prefix) {
    uid += 1;
    return 'forum-' + prefix + '-' + uid;
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === 'text') {
        node.textContent = value;
      } else if (name.indexOf('on') === 0) {
        node.addEventListener(name.slice(2), value);
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    });
    (children || []).forEach(function (child) {
      if (child) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function button(label, onclick, attributes) {
    var all = { type: 'button', text: label, onclick: onclick };
    Object.keys(attributes || {}).forEach(function (name) { all[name] = attributes[name]; });
    return el('button', all);
  }

  function region(name, node) {
    var old = regions[name];
    regions[name] = node;
    if (old && old.parentNode) {
      old.parentNode.replaceChild(node, old);
    }
    return node;
  }

  // ---- session: tokens stay on the forum's origin ----

  var memorySession = null;
  function loadSession() {
    try {
      var raw = localStorage.getItem(SESSION_KEY);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return memorySession;
    }
  }
  function saveSession(session) {
    memorySession = session;
    try {
      if (session) {
        localStorage.setItem(SESSION_KEY, JSON.stringify(session));
      } else {
        localStorage.removeItem(SESSION_KEY);
      }
    } catch (e) {
      // storage blocked: the session lasts as long as the page
    }
  }
  var session = loadSession();

  function keepTokens(data) {
    session = {
      accessToken: data.access_token,
      refreshToken: data.refresh_token || (session && session.refreshToken),
      account: data.account || (session && session.account)
    };
    saveSession(session);
    state.me = session.account;
  }

  function endSession() {
    session = null;
    saveSession(null);
    state.me = null;
  }

  // ---- API ----

  function request(method, path, body, token, extraHeaders) {
    var headers = Object.assign({ Accept: 'application/json' }, extraHeaders || {});
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    return fetch(path, {
      method: method, headers: headers, credentials: 'omit', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (e) {
          data = null;
        }
        return { ok: response.ok, status: response.status, data: data, retryAfter: response.headers.get('Retry-After') };
      });
    }, function () {
      return { ok: false, status: 0, data: null };
    });
  }

  function refresh() {
    if (!session || !session.refreshToken) {
      return Promise.resolve(false);
    }
    return request('POST', '/api/v1/auth/refresh', { refresh_token: session.refreshToken }).then(function (r) {
      if (r.ok) {
        keepTokens(r.data);
        return true;
      }
      if (r.status === 401 || r.status === 400) {
        endSession();
        if (state.shown) {
          renderAll();
        }
      }
      return false;
    });
  }

  /** A call with the reader's token; an expired token is refreshed once. */
  function api(method, path, body, extraHeaders) {
    var token = session && session.accessToken;
    return request(method, path, body, token, extraHeaders).then(function (r) {
      if (r.status !== 401 || !token) {
        return r;
      }
      return refresh().then(function (renewed) {
        return renewed ? request(method, path, body, session.accessToken, extraHeaders) : r;
      });
    });
  }

  /**
   * Posting the same text again (after a network failure or a 503) reuses its Idempotency-Key, so the
   * server replays the first answer instead of storing the comment twice.
   */
  var lastPost = { text: null, key: null };

  function idempotencyFor(text) {
    if (lastPost.text !== text) {
      var random = new Uint8Array(16);
      crypto.getRandomValues(random);
      lastPost = { text: text, key: Array.prototype.map.call(random, function (b) {
        return ('0' + b.toString(16)).slice(-2);
      }).join('') };
    }
    return { 'Idempotency-Key': lastPost.key };
  }

  function problemText(r) {
    if (r.status === 0) {
      return t('error.network');
    }
    if (r.status === 429 && r.retryAfter) {
      return waitText(r);
    }
    return (r.data && r.data.detail) || t('error.generic');
  }

  // ---- loading ----

  function threadPath(suffix) {
    return '/api/v1/threads/' + encodeURIComponent(state.thread.id) + suffix;
  }

  function loadArticle() {
    var path = '/api/v1/embed/articles/' + encodeURIComponent(key) + '?url=' + encodeURIComponent(page.url);
    return request('GET', path).then(function (r) {
      if (!r.ok) {
        throw r;
      }
      state.article = r.data.article;
      state.startAllowed = r.data.startAllowed;
      state.thread = state.article ? state.article.thread : null;
      resetComments();
      return state.article ? loadPage(null) : [];
    });
  }

  function resetComments() {
    state.comments = [];
    state.byId = {};
    state.next = null;
    state.branch = null;
  }

  /** One page after the cursor: what is shown is never fetched again. */
  function loadPage(after) {
    var query = '?sort=' + state.sort + '&limit=' + PAGE_SIZE + (after ? '&after=' + encodeURIComponent(after) : '');
    // with the reader's token: an author sees his held comments, a moderator what he reviews
    return api('GET', threadPath('/comments' + query)).then(function (r) {
      if (!r.ok) {
        throw r;
      }
      state.thread = r.data.thread;
      state.next = r.data.next;
      var fresh = r.data.comments.filter(function (c) { return !state.byId[c.id]; });
      fresh.forEach(function (c) {
        state.byId[c.id] = c;
        state.comments.push(c);
      });
      return fresh;
    });
  }

  function restoreSession() {
    if (!session) {
      return Promise.resolve();
    }
    return api('GET', '/api/v1/me').then(function (r) {
      if (r.ok) {
        state.me = r.data;
        session.account = r.data;
        saveSession(session);
      } else if (r.status === 401) {
        endSession();
      }
    });
  }

  // ---- who may do what ----

  function open() {
    return state.thread ? !state.thread.locked : state.startAllowed;
  }
  function moderates() {
    return !!state.me && (state.me.role === 'MODERATOR' || state.me.role === 'ADMIN');
  }
  function owns(c) {
    return !!state.me && !!c.author && c.author.username === state.me.username;
  }

  // ---- rendering ----

  function renderAll() {
    // hold the height while rebuilding so the host page does not jump
    root.style.minHeight = root.offsetHeight + 'px';
    regions = {};
    var children = [];
    if (state.error) {
      children.push(el('p', { class: 'notice error', role: 'alert', text: t('error.load') }),
        button(t('action.retry'), start));
    } else if (!state.article && !state.startAllowed) {
      children.push(el('p', { class: 'notice', role: 'status', text: t('thread.notAllowed') }));
    } else {
      children.push(region('header', renderHeader()), region('session', renderSession()),
        region('moderation', renderModeration()), region('lock', renderLockNotice()), region('slow', renderSlowMode()),
        region('compose', renderTopComposer()), region('branch', renderBranchBar()),
        renderFreshNews(), renderList(), region('empty', renderEmpty()), region('more', renderMore()));
    }
    root.replaceChildren.apply(root, children.filter(Boolean));
    root.setAttribute('aria-busy', 'false');
    state.shown = true;
    requestAnimationFrame(function () { root.style.minHeight = ''; });
  }

  function renderHeader() {
    var count = state.thread ? state.thread.commentCount : 0;
    var sortId = nextId('sort');
    var select = el('select', { id: sortId, onchange: function () { changeSort(select.value); } },
      ['oldest', 'newest', 'top'].map(function (sort) {
        return el('option', { value: sort, selected: sort === state.sort, text: t('sort.' + sort) });
      }));
    return el('div', { class: 'thread-header' }, [
      el('h2', { id: 'forum-count', class: 'count', text: t('thread.count', { count: count }) }),
      state.article ? el('div', { class: 'sort' }, [el('label', { for: sortId, text: t('sort.label') }), select]) : null
    ]);
  }

  function renderSession() {
    var bar;
    if (state.me) {
      bar = el('div', { class: 'session' }, [
        el('p', { class: 'signed-in' }, [t('session.signedInAs') + ' ',
          el('strong', { text: state.me.displayName || state.me.username })]),
        button(t('action.logout'), logout)
      ]);
    } else {
      bar = el('div', { class: 'session' }, [
        button(t('action.login'), function () { showAuth('login'); }, { 'aria-expanded': String(state.authForm === 'login') }),
        button(t('action.register'), function () { showAuth('register'); },
          { 'aria-expanded': String(state.authForm === 'register') })
      ]);
      if (state.authForm) {
        bar.appendChild(authForm(state.authForm));
      }
    }
    return bar;
  }

  function renderModeration() {
    if (!moderates() || !state.thread) {
      return el('div', { hidden: true });
    }
    if (state.thread.locked) {
      return el('div', { class: 'moderation' }, [button(t('moderation.unlock'), unlock)]);
    }
    var reasonId = nextId('reason');
    var reason = el('input', { id: reasonId, type: 'text', maxlength: 500, autocomplete: 'off' });
    var error = el('p', { class: 'form-error', role: 'alert', hidden: true });
    var form = el('form', {
      class: 'moderation', novalidate: true, onsubmit: function (event) {
        event.preventDefault();
        lock(reason.value.trim(), error);
      }
    }, [el('label', { for: reasonId, text: t('moderation.reason') }), reason,
      el('button', { type: 'submit', text: t('moderation.lock') }), error]);
    return form;
  }

  function renderLockNotice() {
    if (!state.thread || !state.thread.locked) {
      return el('div', { hidden: true });
    }
    var text = state.thread.lockReason ? t('thread.lockedWithReason', { reason: state.thread.lockReason }) : t('thread.locked');
    return el('div', { class: 'notice locked', role: 'status' }, [el('p', { id: 'forum-lock-notice', text: text }),
      state.thread.lockNote ? el('p', { id: 'forum-lock-note', class: 'lock-note', text: state.thread.lockNote }) : null]);
  }

  function renderTopComposer() {
    if (!open()) {
      return el('div', { hidden: true });
    }
    if (!state.me) {
      return el('p', { class: 'hint', text: t('compose.signInToComment') });
    }
    if (state.me.ban) {
      return el('p', { class: 'notice', role: 'status', text: t('session.banned', { reason: state.me.ban.reason }) });
    }
    return composer({ label: t('compose.commentLabel'), submit: t('action.post'), onSubmit: postTopLevel, reset: true });
  }

  function renderBranchBar() {
    if (!state.branch) {
      return el('div', { hidden: true });
    }
    return el('div', { class: 'branch-bar' }, [
      el('p', { text: t('branch.viewing') }),
      button(t('branch.back'), closeBranch, { id: 'forum-branch-back' })
    ]);
  }

  function renderEmpty() {
    if (state.comments.length > 0) {
      return el('div', { hidden: true });
    }
    return el('p', { class: 'hint empty', text: open() ? t('thread.emptyOpen') : t('thread.empty') });
  }

  function renderMore() {
    if (!state.next) {
      return el('div', { hidden: true });
    }
    return el('div', { class: 'more' }, [button(t('action.loadMore'), loadMore, { class: 'load-more' })]);
  }

  function visibleRun() {
    if (!state.branch) {
      return { items: state.comments, baseDepth: 0 };
    }
    var start = state.comments.indexOf(state.byId[state.branch]);
    var top = state.comments[start];
    var items = [top];
    for (var i = start + 1; i < state.comments.length && state.comments[i].depth > top.depth; i++) {
      items.push(state.comments[i]);
    }
    return { items: items, baseDepth: top.depth };
  }

  function renderList() {
    var list = el('ol', { class: 'comments', role: 'list', 'aria-labelledby': 'forum-count' });
    var run = visibleRun();
    state.dom = { list: list, nodes: {}, baseDepth: run.baseDepth };
    run.items.forEach(place);
    return list;
  }

  /** Puts a comment under its parent; below the readable depth, only a "continue this thread" link shows. */
  function place(c) {
    var dom = state.dom;
    var depth = c.depth - dom.baseDepth;
    var parent = c.parentId ? dom.nodes[c.parentId] : null;
    if (depth > 0 && (!parent || parent.depth >= MAX_INLINE_DEPTH)) {
      return null;
    }
    var node = commentNode(c, depth);
    dom.nodes[c.id] = node;
    (parent ? parent.replies : dom.list).appendChild(node.li);
    return node;
  }

  function commentNode(c, depth) {
    var node = { comment: c, depth: depth };
    var labelId = nextId('label');
    node.li = el('li', { class: 'comment', id: 'comment-' + c.id, 'data-comment-id': c.id, 'data-depth': depth });
    node.box = el('article', { class: 'comment-box', tabindex: '-1', 'aria-labelledby': labelId });
    node.header = el('header', { class: 'comment-meta' });
    node.body = el('div', { class: 'comment-body' });
    node.actions = el('div', { class: 'comment-actions' });
    node.slot = el('div', { class: 'comment-slot' });
    node.replies = el('ol', { class: 'replies', role: 'list' });
    node.labelId = labelId;
    fillComment(node);
    node.box.append(node.header, node.body, node.actions, node.slot);
    node.li.append(node.box, node.replies);
    if (depth >= MAX_INLINE_DEPTH && c.replyCount > 0) {
      node.li.appendChild(continueLink(node));
    }
    return node;
  }

  function fillComment(node) {
    var c = node.comment;
    node.header.replaceChildren();
    node.body.replaceChildren();
    node.actions.replaceChildren();
    if (c.deleted) {
      node.li.classList.add('deleted');
      node.header.append(timeNode(c.createdAt));
      node.body.append(el('p', { class: 'deleted-text', id: node.labelId, text: placeholderText(c) }));
      moderatorActions(node);
      return;
    }
    node.li.classList.remove('deleted');
    node.header.append(el('span', { class: 'author', id: node.labelId, text: c.author.displayName || c.author.username }),
      ' ', timeNode(c.createdAt));
    if (c.editedAt) {
      node.header.append(' ', el('span', { class: 'edited', title: exactTime(new Date(c.editedAt)), text: t('comment.edited') }));
    }
    var status = statusNote(c);
    if (status) {
      node.header.append(' ', status);
    }
    node.body.innerHTML = c.bodyHtml; // sanitised by the server: the only HTML the widget ever parses
    var about = { 'aria-describedby': node.labelId };
    if (open()) {
      node.actions.append(button(t('action.reply'), function () { openReply(node); }, about));
    }
    if (owns(c) && open()) {
      node.actions.append(button(t('action.edit'), function () { openEdit(node); }, about));
    }
    if (owns(c) && (open() || moderates())) {
      node.actions.append(button(t('action.delete'), function () { confirmDelete(node); }, about));
    }
    if (flaggable(c)) {
      node.actions.append(button(t('flag.action'), function () { openFlag(node); }, about));
    }
    moderatorActions(node);
  }

  function continueLink(node) {
    return button(t('thread.continue'), function () { openBranch(node.comment.id); },
      { class: 'link continue', 'aria-describedby': node.labelId });
  }

  function timeNode(iso) {
    var date = new Date(iso);
    return el('time', { datetime: iso, title: exactTime(date), text: relativeTime(date) });
  }

  function exactTime(date) {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(date);
  }

  function relativeTime(date) {
    var seconds = Math.round((date.getTime() - Date.now()) / 1000);
    if (Math.abs(seconds) < 45) {
      return t('time.justNow');
    }
    var units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
    var format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(seconds) >= units[i][1] || i === units.length - 1) {
        return format.format(Math.round(seconds / units[i][1]), units[i][0]);
      }
    }
    return '';
  }

  function refreshTimes() {
    Array.prototype.forEach.call(root.querySelectorAll('.comment-meta time'), function (node) {
      node.textContent = relativeTime(new Date(node.getAttribute('datetime')));
    });
  }

  function updateCount() {
    var heading = document.getElementById('forum-count');
    if (heading) {
      heading.textContent = t('thread.count', { count: state.thread ? state.thread.commentCount : 0 });
    }
    region('empty', renderEmpty());
    updateFreshNews();
  }

  // ---- forms ----

  /** A Markdown box with a preview, used for comments, replies and edits. */
  function composer(options) {
    var id = nextId('text');
    var textarea = el('textarea', { id: id, name: 'body', rows: options.rows || 4, maxlength: 10000,
      'aria-describedby': id + '-hint' });
    textarea.value = options.value || '';
    var hint = el('p', { class: 'hint', id: id + '-hint', text: t('compose.markdownHint') });
    var preview = el('div', { class: 'preview comment-body', hidden: true, 'aria-live': 'polite',
      'aria-label': t('compose.previewLabel') });
    var error = el('p', { class: 'form-error', role: 'alert', hidden: true });
    var submit = el('button', { type: 'submit', class: 'primary', text: options.submit });
    var previewButton = button(t('compose.preview'), togglePreview, { 'aria-pressed': 'false' });
    var actions = el('div', { class: 'form-actions' }, [submit, previewButton,
      options.onCancel ? button(t('action.cancel'), options.onCancel) : null]);
    var form = el('form', { class: 'composer', novalidate: true, onsubmit: send },
      [el('label', { for: id, text: options.label }), textarea, hint, preview, error, actions]);
    form.textarea = textarea;

    function showError(text) {
      error.textContent = text;
      error.hidden = !text;
    }
    function togglePreview() {
      if (previewButton.getAttribute('aria-pressed') === 'true') {
        preview.hidden = true;
        previewButton.setAttribute('aria-pressed', 'false');
        return;
      }
      if (!textarea.value.trim()) {
        showError(t('compose.empty'));
        return;
      }
      api('POST', '/api/v1/embed/preview', { body: textarea.value }).then(function (r) {
        if (!r.ok) {
          showError(problemText(r));
          return;
        }
        showError('');
        preview.innerHTML = r.data.bodyHtml; // sanitised by the server
        preview.hidden = false;
        previewButton.setAttribute('aria-pressed', 'true');
      });
    }
    function send(event) {
      event.preventDefault();
      if (!textarea.value.trim()) {
        showError(t('compose.empty'));
        textarea.focus();
        return;
      }
      submit.disabled = true;
      showError('');
      options.onSubmit(textarea.value).then(function (failure) {
        submit.disabled = false;
        if (failure) {
          showError(problemText(failure));
        } else if (options.reset) {
          textarea.value = '';
          preview.hidden = true;
          previewButton.setAttribute('aria-pressed', 'false');
        }
      });
    }
    return form;
  }

  function authForm(kind) {
    var fields = kind === 'login'
      ? [['username', 'text', 'username'], ['password', 'password', 'current-password']]
      : [['username', 'text', 'username'], ['displayName', 'text', 'nickname'], ['password', 'password', 'new-password']];
    var inputs = {};
    var errors = {};
    var formError = el('p', { class: 'form-error', role: 'alert', hidden: true });
    var rows = fields.map(function (field) {
      var id = nextId(field[0]);
      var hintId = id + '-hint';
      var hasHint = kind === 'register' && field[0] !== 'username' ? true : false;
      inputs[field[0]] = el('input', { id: id, name: field[0], type: field[1], autocomplete: field[2],
        required: field[0] !== 'displayName', 'aria-describedby': (hasHint ? hintId + ' ' : '') + id + '-error' });
      errors[field[0]] = el('p', { class: 'field-error', id: id + '-error', hidden: true });
      return el('div', { class: 'field' }, [el('label', { for: id, text: t('auth.' + field[0]) }), inputs[field[0]],
        hasHint ? el('p', { class: 'hint', id: hintId, text: t('auth.' + field[0] + 'Hint') }) : null, errors[field[0]]]);
    });
    var submitLabel = kind === 'login' ? t('action.login') : t('action.register');
    var form = el('form', { class: 'auth', novalidate: true, 'aria-label': t('auth.' + kind + 'Form'), onsubmit: send },
      [el('h3', { text: t('auth.' + kind + 'Heading') })].concat(rows).concat([formError,
        el('div', { class: 'form-actions' }, [el('button', { type: 'submit', class: 'primary', text: submitLabel }),
          button(t('action.cancel'), function () { showAuth(null); })])]));
    setTimeout(function () { inputs.username.focus(); }, 0);

    function fieldError(field, text) {
      if (!errors[field]) {
        return false;
      }
      errors[field].textContent = text;
      errors[field].hidden = false;
      inputs[field].setAttribute('aria-invalid', 'true');
      return true;
    }
    function clearErrors() {
      Object.keys(errors).forEach(function (field) {
        errors[field].hidden = true;
        errors[field].textContent = '';
        inputs[field].removeAttribute('aria-invalid');
      });
      formError.hidden = true;
    }
    function show(r) {
      var placed = false;
      ((r.data && r.data.errors) || []).forEach(function (e) {
        placed = fieldError(e.field, e.message) || placed;
      });
      var type = r.data && r.data.type;
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
      var invalid = form.querySelector('[aria-invalid="true"]');
      (invalid || inputs.username).focus();
    }
    function send(event) {
      event.preventDefault();
      clearErrors();
      var values = {};
      Object.keys(inputs).forEach(function (field) { values[field] = inputs[field].value; });
      var credentials = { username: values.username.trim(), password: values.password };
      var step = kind === 'login' ? Promise.resolve({ ok: true }) : request('POST', '/api/v1/accounts', {
        username: credentials.username, password: credentials.password,
        displayName: values.displayName.trim() ? values.displayName.trim() : undefined
      });
      step.then(function (r) {
        return r.ok ? request('POST', '/api/v1/auth/login', credentials) : r;
      }).then(function (r) {
        if (!r.ok) {
          show(r);
          return;
        }
        keepTokens(r.data);
        state.authForm = null;
        reloadForReader().then(function () {
          var box = root.querySelector('.composer textarea');
          (box || root.querySelector('.session button')).focus();
        });
      });
    }
    return form;
  }

  // ---- actions ----

  function showAuth(kind) {
    state.authForm = kind;
    region('session', renderSession());
    if (!kind) {
      root.querySelector('.session button').focus();
    }
  }

  function logout() {
    var refreshToken = session && session.refreshToken;
    endSession();
    if (refreshToken) {
      request('POST', '/api/v1/auth/logout', { refresh_token: refreshToken });
    }
    reloadForReader().then(function () {
      root.querySelector('.session button').focus();
    });
  }

  function changeSort(sort) {
    state.sort = sort;
    resetComments();
    live.fresh = [];
    loadPage(null).then(function () {
      renderAll();
      root.querySelector('.sort select').focus();
    }, failed);
  }

  function loadMore() {
    var moreButton = root.querySelector('.load-more');
    moreButton.disabled = true;
    loadPage(state.next).then(function (fresh) {
      if (state.branch) {
        renderAll();
        return;
      }
      var first = null;
      fresh.forEach(function (c) {
        var node = place(c);
        first = first || node;
      });
      region('more', renderMore());
      updateCount();
      if (first) {
        first.box.focus();
      }
    }, failed);
  }

  function openBranch(id) {
    state.branch = id;
    renderAll();
    document.getElementById('forum-branch-back').focus();
  }

  function closeBranch() {
    var id = state.branch;
    state.branch = null;
    renderAll();
    var node = state.dom.nodes[id];
    if (node) {
      var link = node.li.querySelector('.continue');
      (link || node.box).focus();
    }
  }

  function postTopLevel(body) {
    var call = state.thread
      ? api('POST', threadPath('/comments'), { body: body }, idempotencyFor('top|' + body))
      : api('POST', '/api/v1/embed/articles/' + encodeURIComponent(key) + '/comments',
        { title: page.title, url: page.url, body: body }, idempotencyFor('first|' + body));
    return call.then(function (r) {
      if (!r.ok) {
        return r;
      }
      if (!state.thread) {
        // the first reply created the article and its thread
        return loadArticle().then(function () {
          renderAll();
          liveStart();
          focusComment(r.data.id);
          return null;
        });
      }
      addComment(r.data);
      return null;
    });
  }

  function addComment(c) {
    if (c.status !== 'pending') {
      // a held comment counts nowhere until a moderator approves it
      state.thread.commentCount += 1;
    }
    insertComment(c);
    updateCount();
    focusComment(c.id);
  }

  /** Puts a comment into the list where the thread has it: top-level ones first, replies after their siblings. */
  function insertComment(c) {
    state.byId[c.id] = c;
    var counted = c.status !== 'pending';
    if (!c.parentId) {
      state.comments.unshift(c);
      if (!state.branch) {
        var node = commentNode(c, 0);
        state.dom.nodes[c.id] = node;
        state.dom.list.insertBefore(node.li, state.dom.list.firstChild);
      }
    } else {
      var parent = state.byId[c.parentId];
      var at = state.comments.indexOf(parent) + 1;
      while (at < state.comments.length && state.comments[at].depth > parent.depth) {
        at += 1;
      }
      state.comments.splice(at, 0, c);
      if (counted) {
        parent.replyCount += 1;
      }
      var parentNode = state.dom.nodes[c.parentId];
      if (parentNode && parentNode.depth >= MAX_INLINE_DEPTH) {
        if (!parentNode.li.querySelector(':scope > .continue')) {
          parentNode.li.appendChild(continueLink(parentNode));
        }
      } else if (parentNode) {
        var child = commentNode(c, parentNode.depth + 1);
        state.dom.nodes[c.id] = child;
        parentNode.replies.appendChild(child.li);
      }
    }
  }

  function focusComment(id) {
    var node = state.dom && state.dom.nodes[id];
    if (node) {
      node.box.focus();
    }
  }

  function openReply(node) {
    if (!state.me) {
      showAuth('login');
      return;
    }
    var existing = node.slot.querySelector('form');
    if (existing) {
      existing.textarea.focus();
      return;
    }
    var replyButton = node.actions.querySelector('button');
    var form = composer({
      label: t('compose.replyLabel', { name: node.comment.author.displayName || node.comment.author.username }),
      submit: t('action.post'),
      onCancel: function () { node.slot.replaceChildren(); replyButton.focus(); },
      onSubmit: function (body) {
        return api('POST', threadPath('/comments'), { body: body, parentId: node.comment.id },
          idempotencyFor(node.comment.id + '|' + body)).then(function (r) {
          if (!r.ok) {
            return r;
          }
          node.slot.replaceChildren();
          addComment(r.data);
          return null;
        });
      }
    });
    node.slot.replaceChildren(form);
    form.textarea.focus();
  }

  function openEdit(node) {
    api('GET', '/api/v1/comments/' + encodeURIComponent(node.comment.id) + '/source').then(function (r) {
      if (!r.ok) {
        node.slot.replaceChildren(el('p', { class: 'form-error', role: 'alert', text: problemText(r) }));
        return;
      }
      var editButton = node.actions.querySelectorAll('button')[1];
      var form = composer({
        label: t('compose.editLabel'), submit: t('action.save'), value: r.data.body,
        onCancel: function () { node.slot.replaceChildren(); editButton.focus(); },
        onSubmit: function (body) {
          return api('PATCH', '/api/v1/comments/' + encodeURIComponent(node.comment.id), { body: body }).then(function (saved) {
            if (!saved.ok) {
              return saved;
            }
            node.comment.bodyHtml = saved.data.bodyHtml;
            node.comment.editedAt = saved.data.editedAt;
            node.slot.replaceChildren();
            fillComment(node);
            node.box.focus();
            return null;
          });
        }
      });
      node.slot.replaceChildren(form);
      form.textarea.focus();
    });
  }

  function confirmDelete(node) {
    var error = el('p', { class: 'form-error', role: 'alert', hidden: true });
    var yes = button(t('comment.confirmDelete'), function () {
      yes.disabled = true;
      api('DELETE', '/api/v1/comments/' + encodeURIComponent(node.comment.id)).then(function (r) {
        if (!r.ok) {
          yes.disabled = false;
          error.textContent = problemText(r);
          error.hidden = false;
          return;
        }
        removed(node);
      });
    }, { class: 'danger' });
    node.slot.replaceChildren(el('div', { class: 'confirm', role: 'group', 'aria-label': t('comment.confirmLabel') }, [
      el('p', { text: t('comment.deleteQuestion') }), yes,
      button(t('action.cancel'), function () { node.slot.replaceChildren(); node.box.focus(); }), error]));
    yes.focus();
  }

  function removed(node) {
    var c = node.comment;
    var next = node.li.nextElementSibling || node.li.parentNode.closest('li') || null;
    if (dropComment(c)) {
      node.box.focus();
    } else {
      var target = next ? next.querySelector('.comment-box') : root.querySelector('h2');
      if (target) {
        target.setAttribute('tabindex', target.getAttribute('tabindex') || '-1');
        target.focus();
      }
    }
  }

  /** A deleted comment leaves the view, or stays as a tombstone while it has replies; true for a tombstone. */
  function dropComment(c) {
    var node = state.dom && state.dom.nodes[c.id];
    state.thread.commentCount = Math.max(0, state.thread.commentCount - 1);
    if (node) {
      node.slot.replaceChildren();
    }
    var tombstone = c.replyCount > 0;
    if (tombstone) {
      // its replies keep their place under a tombstone
      c.deleted = true;
      c.author = null;
      c.bodyHtml = null;
      if (node) {
        fillComment(node);
      }
    } else {
      state.comments.splice(state.comments.indexOf(c), 1);
      delete state.byId[c.id];
      var parent = c.parentId ? state.byId[c.parentId] : null;
      if (parent) {
        parent.replyCount -= 1;
      }
      if (node) {
        node.li.remove();
        delete state.dom.nodes[c.id];
      }
    }
    updateCount();
    return tombstone;
  }

  function lock(reason, error) {
    api('PUT', threadPath('/lock'), reason ? { reason: reason } : {}).then(function (r) {
      if (!r.ok) {
        error.textContent = problemText(r);
        error.hidden = false;
        return;
      }
      state.thread = r.data;
      renderAll();
      root.querySelector('.moderation button').focus();
    });
  }

  function unlock() {
    api('DELETE', threadPath('/lock')).then(function (r) {
      if (r.ok) {
        state.thread = r.data;
        renderAll();
        root.querySelector('.moderation button').focus();
      }
    });
  }

  function failed() {
    state.error = true;
    renderAll();
  }

  // ---- live: new replies, edits, deletions and the lock, while the page is visible ----

  var LIVE_EVENTS = ['comment.created', 'comment.updated', 'comment.deleted', 'comment.removed', 'thread.locked',
    'thread.unlocked'];

  /**
   * Follows the thread's events while the reader can see the page. The browser's EventSource reconnects by itself
   * and asks for what it missed (Last-Event-ID); hidden, the stream is closed and reopened from the last event seen.
   */
  function liveStart() {
    if (!state.thread || live.source || !window.EventSource || document.visibilityState !== 'visible') {
      return;
    }
    if (live.threadId !== state.thread.id) {
      live.threadId = state.thread.id;
      live.lastEventId = state.thread.lastEventId;
      live.fresh = [];
    }
    var source = new EventSource(threadPath('/events?after=' + encodeURIComponent(live.lastEventId)));
    live.source = source;
    LIVE_EVENTS.forEach(function (name) {
      source.addEventListener(name, function (event) {
        live.lastEventId = event.lastEventId;
        var data;
        try {
          data = JSON.parse(event.data);
        } catch (e) {
          return;
        }
        liveEvent(name, data);
      });
    });
    source.addEventListener('reload', function () {
      // what was missed is no longer kept: read the thread again
      liveStop();
      live.threadId = null;
      loadArticle().then(function () {
        renderAll();
        liveStart();
      }, failed);
    });
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.CLOSED && live.source === source) {
        // refused rather than dropped: the browser gives up, so try again later
        live.source = null;
        clearTimeout(live.retry);
        live.retry = setTimeout(liveStart, 15000);
      }
    });
  }

  function liveStop() {
    clearTimeout(live.retry);
    if (live.source) {
      live.source.close();
      live.source = null;
    }
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') {
      liveStart();
    } else {
      liveStop();
    }
  });

  function liveEvent(name, data) {
    if (!state.thread || data.id === undefined) {
      return;
    }
    if (name === 'thread.locked' || name === 'thread.unlocked') {
      var wasOpen = open();
      state.thread = data;
      if (open() !== wasOpen) {
        showOpenness();
      }
      return;
    }
    var shown = state.byId[data.id];
    var waiting = live.fresh.filter(function (c) { return c.id === data.id; })[0];
    if (name === 'comment.created') {
      if (!shown && !waiting) {
        // never pushed into the text being read: counted now, shown when the reader asks
        live.fresh.push(data);
        state.thread.commentCount += 1;
        updateCount();
      }
    } else if (name === 'comment.updated' || (name === 'comment.removed' && shown && !waiting)) {
      if (waiting) {
        live.fresh[live.fresh.indexOf(waiting)] = data;
      } else if (shown && (!shown.deleted || name === 'comment.removed' || data.status !== shown.status)) {
        // an edit, a removal (its reason in place of the text), a restore or an approval: the comment keeps its place
        if (!moderates() || name !== 'comment.removed') {
          ['bodyHtml', 'editedAt', 'author', 'deleted', 'status', 'removal'].forEach(function (field) {
            shown[field] = data[field];
          });
        } else {
          shown.status = data.status;
          shown.removal = data.removal;
        }
        var node = state.dom && state.dom.nodes[data.id];
        if (node && !node.slot.querySelector('form')) {
          fillComment(node);
        }
      }
    } else if (waiting) {
      live.fresh.splice(live.fresh.indexOf(waiting), 1);
      state.thread.commentCount = Math.max(0, state.thread.commentCount - 1);
      updateCount();
    } else if (shown && !shown.deleted) {
      shown.replyCount = data.replyCount;
      var box = state.dom && state.dom.nodes[data.id];
      var hadFocus = box && box.li.contains(document.activeElement);
      if (!dropComment(shown) && hadFocus) {
        focusHeading();
      }
    }
  }

  /** A lock or unlock from elsewhere: the notice, the composers and the reply buttons follow at once. */
  function showOpenness() {
    region('moderation', renderModeration());
    region('lock', renderLockNotice());
    region('compose', renderTopComposer());
    region('empty', renderEmpty());
    Object.keys((state.dom && state.dom.nodes) || {}).forEach(function (id) {
      var node = state.dom.nodes[id];
      if (!open()) {
        node.slot.replaceChildren();
      }
      fillComment(node);
    });
  }

  /** The polite live region that offers the new comments; it stays in place so that changes are announced. */
  function renderFreshNews() {
    regions.fresh = el('div', { class: 'fresh-news', 'aria-live': 'polite' });
    updateFreshNews();
    return regions.fresh;
  }

  function updateFreshNews() {
    var news = regions.fresh;
    if (!news) {
      return;
    }
    live.fresh = live.fresh.filter(function (c) { return !state.byId[c.id]; });
    var count = live.fresh.length;
    if (count === 0) {
      news.replaceChildren();
    } else {
      news.replaceChildren(button(t('live.newReplies', { count: count }), showFresh, { class: 'show-fresh' }));
    }
  }

  /** Shows the waiting comments in their places, parents before replies, and moves to the first. */
  function showFresh() {
    var waiting = live.fresh;
    live.fresh = [];
    var first = null;
    waiting.forEach(function (c) {
      if (state.byId[c.id] || (c.parentId && !state.byId[c.parentId])) {
        // already on a page read since, or a reply to a comment not loaded yet (it comes with that page)
        return;
      }
      insertComment(c);
      first = first || c.id;
    });
    if (state.branch) {
      renderAll();
    }
    updateCount();
    if (first) {
      focusComment(first);
    } else {
      focusHeading();
    }
  }

  function focusHeading() {
    var heading = root.querySelector('h2');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }

  // ---- moderation as readers see it: removals, held comments, flags, slow mode ----

  var FLAG_REASONS = ['spam', 'abuse', 'off_topic', 'other'];

  function placeholderText(c) {
    if (c.status === 'removed') {
      return c.removal && c.removal.reason ? t('comment.removedWithReason', { reason: c.removal.reason }) : t('comment.removed');
    }
    return c.status === 'hidden' ? t('comment.hidden') : t('comment.deleted');
  }

  /** A mark on a comment that only its author and the moderators see as it is. */
  function statusNote(c) {
    var text = { pending: t('comment.awaitingReview'), hidden: t('comment.hiddenBadge') }[c.status] ||
      (c.status === 'removed' ? placeholderText(c) : null);
    return text ? el('span', { class: 'badge status-' + c.status, text: text }) : null;
  }

  function renderSlowMode() {
    if (!state.thread || !open() || !(state.thread.slowModeSeconds > 0)) {
      return el('div', { hidden: true });
    }
    return el('p', { class: 'notice slow-mode', id: 'forum-slow-mode', role: 'status',
      text: t('thread.slowMode', { count: state.thread.slowModeSeconds }) });
  }

  /** A 429's Retry-After (seconds or an HTTP date) as a sentence. */
  function waitText(r) {
    var seconds = /^\d+$/.test(r.retryAfter) ? Number(r.retryAfter)
      : Math.ceil((Date.parse(r.retryAfter) - Date.now()) / 1000);
    var count = Math.max(1, seconds || 1);
    var slowMode = /slow/.test((r.data && r.data.type) || '') || (state.thread && state.thread.slowModeSeconds > 0);
    return t(slowMode ? 'error.slowMode' : 'error.tooMany', { count: count });
  }

  function flaggable(c) {
    return !!state.me && !owns(c) && !moderates() && c.status === 'published' && !c.flaggedByMe;
  }

  /** The reader picks a reason and confirms before anything is sent; one flag per reader and comment. */
  function openFlag(node) {
    var selectId = nextId('flag');
    var detailId = nextId('flag-detail');
    var select = el('select', { id: selectId }, FLAG_REASONS.map(function (reason) {
      return el('option', { value: reason, text: t('flag.reason.' + reason) });
    }));
    var detail = el('input', { id: detailId, type: 'text', maxlength: 500, autocomplete: 'off' });
    var error = el('p', { class: 'form-error', role: 'alert', hidden: true });
    var send = el('button', { type: 'submit', class: 'primary', text: t('flag.send') });
    var form = el('form', { class: 'confirm flag', novalidate: true, 'aria-label': t('flag.action'), onsubmit: submit }, [
      el('p', { text: t('flag.question') }), el('label', { for: selectId, text: t('flag.reasonLabel') }), select,
      el('label', { for: detailId, text: t('flag.detailLabel') }), detail, error,
      el('div', { class: 'form-actions' }, [send, button(t('action.cancel'), function () {
        node.slot.replaceChildren();
        node.box.focus();
      })])]);
    function submit(event) {
      event.preventDefault();
      send.disabled = true;
      var body = { reason: select.value, detail: detail.value.trim() || undefined };
      api('POST', '/api/v1/comments/' + encodeURIComponent(node.comment.id) + '/flags', body).then(function (r) {
        send.disabled = false;
        if (!r.ok && r.status !== 409) {
          error.textContent = problemText(r);
          error.hidden = false;
          return;
        }
        node.comment.flaggedByMe = true;
        fillComment(node);
        node.slot.replaceChildren(el('p', { class: 'hint', role: 'status', text: t(r.ok ? 'flag.thanks' : 'flag.already') }));
        node.box.focus();
      });
    }
    node.slot.replaceChildren(form);
    select.focus();
  }

  // ---- moderator tools: a script of their own, loaded only for moderators ----

  var moderatorTools = null;

  function loadModeratorTools() {
    if (!moderates() || moderatorTools) {
      return Promise.resolve();
    }
    return new Promise(function (resolve) {
      window.forumWidget = {
        api: api, el: el, button: button, t: t, nextId: nextId, problemText: problemText,
        refill: fillComment, reload: reloadForReader, me: function () { return state.me; },
        use: function (tools) { moderatorTools = tools; resolve(); }
      };
      var script = el('script', { src: '/assets/frame-moderator.js' });
      script.addEventListener('error', function () { resolve(); });
      document.head.appendChild(script);
    });
  }

  function moderatorActions(node) {
    if (moderatorTools && moderates()) {
      moderatorTools.commentActions(node);
    }
  }

  /** After signing in or out: what a comment shows depends on who reads. */
  function reloadForReader() {
    return loadModeratorTools().then(loadArticle).then(renderAll, failed);
  }

  // ---- the frame's size, told to the host page ----

  var parentOrigin = null;
  var lastHeight = -1;

  function allowedParent(origin) {
    return origin === location.origin || allowedOrigins.indexOf(origin) !== -1;
  }

  function postHeight() {
    if (!parentOrigin) {
      return;
    }
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      window.parent.postMessage({ type: 'forum:height', height: height, title: t('frame.title') }, parentOrigin);
    }
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || !allowedParent(event.origin)) {
      return;
    }
    if (event.data && event.data.type === 'forum:hello') {
      parentOrigin = event.origin;
      lastHeight = -1;
      postHeight();
    }
  });
  if (window.ResizeObserver) {
    new ResizeObserver(postHeight).observe(document.body);
  }

  // ---- start ----

  function loadMessages() {
    return fetch('/assets/messages.en.json', { credentials: 'omit' }).then(function (r) { return r.json(); })
      .then(function (catalogue) {
        messages = catalogue;
        lang = catalogue.locale || 'en';
        document.documentElement.lang = lang;
        document.title = t('frame.title');
      });
  }

  function start() {
    state.error = null;
    root.setAttribute('aria-busy', 'true');
    Promise.all([loadMessages(), restoreSession()]).then(loadModeratorTools).then(loadArticle).then(function () {
      renderAll();
      liveStart();
    }, failed);
  }

  setInterval(refreshTimes, 60000);
  start();
}());

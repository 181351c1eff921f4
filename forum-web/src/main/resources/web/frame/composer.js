/*
 * What a signed-in reader writes (account.js imports it once someone signs in): the Markdown composer with its
 * preview for a comment, a reply or an edit; deleting one's own comment; reporting another's; problems as sentences.
 * The same text posted again reuses its Idempotency-Key: a retry after a failure never stores it twice.
 */
import { el, button, nextId } from '../lib/dom.js';
import { t } from '../lib/messages.js';
import { api, state, key, page, threadPath, commentPath, loadArticle } from './state.js';
import { renderAll, insertComment, dropComment, updateCount, focusComment } from './thread.js';
import { fillComment } from './comment.js';
import { liveStart, updateFreshNews } from './live.js';

const FLAG_REASONS = ['spam', 'abuse', 'off_topic', 'other'];
let lastPost = { text: null, key: null };

/** An answer's problem as a sentence for the reader. */
export function problemText(r) {
  if (r.status === 0) {
    return t('error.network');
  }
  if (r.status === 429 && r.retryAfter) {
    return waitText(r);
  }
  return (r.data && r.data.detail) || t('error.generic');
}

/** A 429's Retry-After (seconds or an HTTP date) as a sentence. */
function waitText(r) {
  const seconds = /^\d+$/.test(r.retryAfter) ? Number(r.retryAfter) : Math.ceil((Date.parse(r.retryAfter) - Date.now()) / 1000);
  const count = Math.max(1, seconds || 1);
  const slowMode = /slow/.test((r.data && r.data.type) || '') || (state.thread && state.thread.slowModeSeconds > 0);
  return t(slowMode ? 'error.slowMode' : 'error.tooMany', { count });
}

function idempotencyFor(text) {
  if (lastPost.text !== text) {
    const random = crypto.getRandomValues(new Uint8Array(16));
    lastPost = { text, key: Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('') };
  }
  return { 'Idempotency-Key': lastPost.key };
}

/** A Markdown box with a preview, used for comments, replies and edits. */
function composer(options) {
  const id = nextId('text');
  const textarea = el('textarea', { id, name: 'body', rows: 4, maxlength: 10000, 'aria-describedby': id + '-hint' });
  textarea.value = options.value || '';
  const preview = el('div', { class: 'preview comment-body', hidden: true, 'aria-live': 'polite', 'aria-label': t('compose.previewLabel') });
  const error = el('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = el('button', { type: 'submit', class: 'primary', text: options.submit });
  const previewButton = button(t('compose.preview'), togglePreview, { 'aria-pressed': 'false' });
  const form = el('form', { class: 'composer', novalidate: true, onsubmit: send }, [
    el('label', { for: id, text: options.label }), textarea,
    el('p', { class: 'hint', id: id + '-hint', text: t('compose.markdownHint') }), preview, error,
    el('div', { class: 'form-actions' }, [submit, previewButton, options.onCancel ? button(t('action.cancel'), options.onCancel) : null])]);
  form.textarea = textarea;

  function showError(text) {
    error.textContent = text;
    error.hidden = !text;
  }
  function showPreview(shown) {
    preview.hidden = !shown;
    previewButton.setAttribute('aria-pressed', String(shown));
  }
  async function togglePreview() {
    if (previewButton.getAttribute('aria-pressed') === 'true') {
      showPreview(false);
      return;
    }
    if (!textarea.value.trim()) {
      showError(t('compose.empty'));
      return;
    }
    const r = await api.call('POST', '/api/v1/embed/preview', { body: textarea.value });
    if (!r.ok) {
      showError(problemText(r));
      return;
    }
    showError('');
    preview.innerHTML = r.data.bodyHtml; // sanitised by the server
    showPreview(true);
  }
  async function send(event) {
    event.preventDefault();
    if (!textarea.value.trim()) {
      showError(t('compose.empty'));
      textarea.focus();
      return;
    }
    submit.disabled = true;
    showError('');
    const failure = await options.onSubmit(textarea.value);
    submit.disabled = false;
    if (failure) {
      showError(problemText(failure));
    } else if (options.reset) {
      textarea.value = '';
      showPreview(false);
    }
  }
  return form;
}

/** The box for a new comment above the thread. */
export const topComposer = () => composer({ label: t('compose.commentLabel'), submit: t('action.post'), onSubmit: postTopLevel, reset: true });

/** Resolves to null once posted, or to the failed answer. */
async function postTopLevel(body) {
  const r = state.thread
    ? await api.call('POST', threadPath('/comments'), { body }, idempotencyFor('top|' + body))
    : await api.call('POST', '/api/v1/embed/articles/' + encodeURIComponent(key) + '/comments',
      { title: page.title, url: page.url, body }, idempotencyFor('first|' + body));
  if (!r.ok) {
    return r;
  }
  if (state.thread) {
    addComment(r.data);
    return null;
  }
  // the first reply created the article and its thread
  await loadArticle();
  renderAll();
  liveStart();
  focusComment(r.data.id);
  return null;
}

function addComment(c) {
  // its live event may have come before this answer: then it is counted already
  const announced = state.fresh.some((f) => f.id === c.id);
  if (c.status !== 'pending' && !announced) {
    // a held comment counts nowhere until a moderator approves it
    state.thread.commentCount += 1;
  }
  insertComment(c);
  updateCount();
  updateFreshNews();
  focusComment(c.id);
}

export function openReply(node) {
  const existing = node.slot.querySelector('form');
  if (existing) {
    existing.textarea.focus();
    return;
  }
  const replyButton = node.actions.querySelector('button');
  const form = composer({
    label: t('compose.replyLabel', { name: node.comment.author.displayName || node.comment.author.username }),
    submit: t('action.post'),
    onCancel: () => { node.slot.replaceChildren(); replyButton.focus(); },
    async onSubmit(body) {
      const r = await api.call('POST', threadPath('/comments'), { body, parentId: node.comment.id },
        idempotencyFor(node.comment.id + '|' + body));
      if (!r.ok) {
        return r;
      }
      node.slot.replaceChildren();
      addComment(r.data);
      return null;
    }
  });
  node.slot.replaceChildren(form);
  form.textarea.focus();
}

export async function openEdit(node) {
  const r = await api.call('GET', commentPath(node.comment, '/source'));
  if (!r.ok) {
    node.slot.replaceChildren(el('p', { class: 'form-error', role: 'alert', text: problemText(r) }));
    return;
  }
  const editButton = node.actions.querySelectorAll('button')[1];
  const form = composer({
    label: t('compose.editLabel'), submit: t('action.save'), value: r.data.body,
    onCancel: () => { node.slot.replaceChildren(); editButton.focus(); },
    async onSubmit(body) {
      const saved = await api.call('PATCH', commentPath(node.comment), { body });
      if (!saved.ok) {
        return saved;
      }
      node.comment.bodyHtml = saved.data.bodyHtml;
      node.comment.editedAt = saved.data.editedAt;
      node.slot.replaceChildren();
      fillComment(node);
      node.box.focus();
      return null;
    }
  });
  node.slot.replaceChildren(form);
  form.textarea.focus();
}

export function confirmDelete(node) {
  const error = el('p', { class: 'form-error', role: 'alert', hidden: true });
  const yes = button(t('comment.confirmDelete'), async () => {
    yes.disabled = true;
    const r = await api.call('DELETE', commentPath(node.comment));
    if (!r.ok) {
      yes.disabled = false;
      error.textContent = problemText(r);
      error.hidden = false;
      return;
    }
    deleted(node);
  }, { class: 'danger' });
  node.slot.replaceChildren(el('div', { class: 'confirm', role: 'group', 'aria-label': t('comment.confirmLabel') }, [
    el('p', { text: t('comment.deleteQuestion') }), yes,
    button(t('action.cancel'), () => { node.slot.replaceChildren(); node.box.focus(); }), error]));
  yes.focus();
}

/** After the reader deleted a comment: focus on its tombstone, else on what follows it. */
function deleted(node) {
  const next = node.li.nextElementSibling || node.li.parentNode.closest('li');
  if (dropComment(node.comment)) {
    node.box.focus();
    return;
  }
  const target = next ? next.querySelector('.comment-box') : document.querySelector('#forum h2');
  if (target) {
    target.setAttribute('tabindex', target.getAttribute('tabindex') || '-1');
    target.focus();
  }
}

/** The reader picks a reason and confirms before anything is sent; one report per reader and comment. */
export function openFlag(node) {
  const selectId = nextId('flag');
  const detailId = nextId('flag-detail');
  const select = el('select', { id: selectId }, FLAG_REASONS.map((reason) => el('option', { value: reason, text: t('flag.reason.' + reason) })));
  const detail = el('input', { id: detailId, type: 'text', maxlength: 500, autocomplete: 'off' });
  const error = el('p', { class: 'form-error', role: 'alert', hidden: true });
  const send = el('button', { type: 'submit', class: 'primary', text: t('flag.send') });
  const form = el('form', { class: 'confirm flag', novalidate: true, 'aria-label': t('flag.action'), onsubmit: submit }, [
    el('p', { text: t('flag.question') }), el('label', { for: selectId, text: t('flag.reasonLabel') }), select,
    el('label', { for: detailId, text: t('flag.detailLabel') }), detail, error,
    el('div', { class: 'form-actions' }, [send, button(t('action.cancel'), () => {
      node.slot.replaceChildren();
      node.box.focus();
    })])]);
  async function submit(event) {
    event.preventDefault();
    send.disabled = true;
    const r = await api.call('POST', commentPath(node.comment, '/flags'), { reason: select.value, detail: detail.value.trim() || undefined });
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
  }
  node.slot.replaceChildren(form);
  select.focus();
}

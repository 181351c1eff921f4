/*
 * What every section of the moderator console uses: the API client with the moderator's session, looking up the
 * page's elements, a section's result line, announcements, and problems as sentences. The session lives in
 * sessionStorage: a reload keeps it, closing the tab ends it, and no other tab nor the widget ever holds it.
 */
import { createApi } from '../lib/api.js';
import { t, formatDate } from '../lib/messages.js';

export const api = createApi(() => sessionStorage, 'forum.console');

export const byId = (id) => document.getElementById(id);
export const find = (selector, scope) => (scope || document).querySelector(selector);
export const when = (iso) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
export const commentPath = (id, suffix) => '/api/v1/comments/' + encodeURIComponent(id) + suffix;
export const threadPath = (id, suffix) => '/api/v1/threads/' + encodeURIComponent(id) + suffix;

/** Says what happened in a section's live region; errors also show in the danger colour. */
export function report(section, text, failed) {
  const result = find('.result', section);
  result.textContent = text;
  result.classList.toggle('form-error', !!failed);
}

export function announce(text) {
  const live = byId('console-announce');
  live.textContent = '';
  requestAnimationFrame(() => { live.textContent = text; });
}

export function problem(answer) {
  if (answer.status === 0) {
    return t('error.network');
  }
  if (answer.status === 429 && answer.retryAfter) {
    return t('error.tooMany', { count: Number(answer.retryAfter) || 1 });
  }
  const data = answer.data || {};
  const fields = (data.errors || []).map((e) => e.message).filter(Boolean);
  return fields.length ? (data.detail || '') + ' ' + fields.join('; ') : (data.detail || t('error.generic'));
}

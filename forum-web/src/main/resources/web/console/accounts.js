/*
 * The console's accounts and rules: ban an account (with a reason, optionally until a date and with all its
 * comments removed) or lift a ban; for administrators, the word rules that refuse or hold new comments.
 */
import { t } from '../lib/messages.js';
import { api, byId, report, problem } from './common.js';
import { QUEUES, loadQueue, loadLog } from './queues.js';

function banRequest() {
  const form = byId('ban-form');
  const username = form.username.value.trim();
  if (!username) {
    report(byId('accounts'), t('console.accounts.usernameNeeded'), true);
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
    report(byId('accounts'), t('console.reasonNeeded'), true);
    form.reason.focus();
    return;
  }
  const body = { reason, removeComments: form.removeComments.checked };
  if (form.until.value) {
    body.until = new Date(form.until.value).toISOString();
  }
  const answer = await api.call('PUT', '/api/v1/accounts/' + encodeURIComponent(username) + '/ban', body);
  report(byId('accounts'), answer.ok ? t('console.accounts.banned', { name: username, count: answer.data.removedComments })
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
  const answer = await api.call('DELETE', '/api/v1/accounts/' + encodeURIComponent(username) + '/ban');
  report(byId('accounts'), answer.ok ? t('console.accounts.unbanned', { name: username }) : problem(answer), !answer.ok);
  if (answer.ok) {
    loadLog(false);
  }
}

const lines = (text) => text.split('\n').map((line) => line.trim()).filter(Boolean);

export async function loadWordRules() {
  const answer = await api.call('GET', '/api/v1/moderation/word-rules');
  if (!answer.ok) {
    report(byId('word-rules'), problem(answer), true);
    return;
  }
  byId('rules-reject').value = (answer.data.reject || []).join('\n');
  byId('rules-hold').value = (answer.data.hold || []).join('\n');
}

async function saveWordRules(event) {
  event.preventDefault();
  const answer = await api.call('PUT', '/api/v1/moderation/word-rules',
    { reject: lines(byId('rules-reject').value), hold: lines(byId('rules-hold').value) });
  report(byId('word-rules'), answer.ok ? t('console.rules.saved') : problem(answer), !answer.ok);
  if (answer.ok) {
    loadLog(false);
  }
}

export function wireAccounts() {
  byId('ban-form').addEventListener('submit', ban);
  byId('unban').addEventListener('click', unban);
  byId('rules-form').addEventListener('submit', saveWordRules);
}

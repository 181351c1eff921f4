/*
 * The console's threads section: find a thread by its article key, lock it with a reason and a note or unlock it,
 * and set its premoderation and slow mode.
 */
import { t } from '../lib/messages.js';
import { api, byId, threadPath, report, problem } from './common.js';
import { loadLog } from './queues.js';

let thread = null;

async function findThread(event) {
  event.preventDefault();
  const section = byId('threads');
  const key = byId('thread-key').value.trim();
  if (!key) {
    report(section, t('console.threads.keyNeeded'), true);
    byId('thread-key').focus();
    return;
  }
  const answer = await api.call('GET', '/api/v1/articles/' + encodeURIComponent(key));
  if (!answer.ok) {
    byId('thread-details').hidden = true;
    report(section, answer.status === 404 ? t('console.threads.notFound', { key }) : problem(answer), true);
    return;
  }
  showThread(answer.data.thread);
  report(section, t('console.threads.found', { title: thread.title }));
}

function showThread(view) {
  thread = view;
  byId('thread-details').hidden = false;
  byId('thread-title').textContent = view.title;
  const parts = [view.locked
    ? t(view.lockReason ? 'console.threads.lockedWithReason' : 'console.threads.locked', { reason: view.lockReason })
    : t('console.threads.open')];
  if (view.lockNote) {
    parts.push(t('console.threads.note', { note: view.lockNote }));
  }
  parts.push(t('console.threads.premoderationIs', { value: t('console.premoderation.' + premoderationKey(view.premoderation)) }),
    view.slowModeSeconds > 0 ? t('console.threads.slowModeIs', { count: view.slowModeSeconds }) : t('console.threads.slowModeOff'));
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
  report(section, t(doneMessage));
  byId(focusAfter).focus();
  loadLog(false);
}

function lockThread(event) {
  event.preventDefault();
  const reason = byId('lock-reason').value.trim();
  const note = byId('lock-note').value.trim();
  threadChange(api.call('PUT', threadPath(thread.id, '/lock'), { reason: reason || undefined, note: note || undefined }),
    'console.threads.lockedDone', 'thread-title');
}

function unlockThread() {
  threadChange(api.call('DELETE', threadPath(thread.id, '/lock')), 'console.threads.unlockedDone', 'thread-title');
}

function saveThreadSettings(event) {
  event.preventDefault();
  const seconds = byId('thread-slow-mode').value.trim();
  if (!/^\d{1,5}$/.test(seconds)) {
    report(byId('threads'), t('console.threads.slowModeInvalid'), true);
    byId('thread-slow-mode').focus();
    return;
  }
  threadChange(api.call('PUT', threadPath(thread.id, '/moderation'), {
    premoderation: byId('thread-premoderation').value, slowModeSeconds: Number(seconds)
  }), 'console.threads.saved', 'thread-premoderation');
}

export function wireThreads() {
  byId('thread-find').addEventListener('submit', findThread);
  byId('thread-lock').addEventListener('submit', lockThread);
  byId('thread-unlock').querySelector('button').addEventListener('click', unlockThread);
  byId('thread-settings').addEventListener('submit', saveThreadSettings);
}

/*
 * The widget in the publisher's iframe: ES modules, no framework, no build step. This entry puts the regions in
 * their order and starts. Untrusted strings go in as text; only the API's sanitised bodyHtml is parsed as HTML.
 */
import { loadMessages, t } from '../lib/messages.js';
import { api, state, page, restoreSession } from './state.js';
import { compose, renderAll, failed, renderHeader, renderLockNotice, renderSlowMode, renderBranchBar, renderList, renderEmpty,
  renderMore } from './thread.js';
import { commentActions, refreshTimes } from './comment.js';
import { renderSession, renderModeration, renderTopComposer, readerActions, moderatorActions, loadForReader } from './account.js';
import { liveStart, renderFreshNews, updateFreshNews } from './live.js';
import './host.js';

if (page.theme === 'light' || page.theme === 'dark') {
  document.documentElement.setAttribute('data-theme', page.theme);
}

compose([
  ['header', renderHeader], ['session', renderSession], ['moderation', renderModeration], ['lock', renderLockNotice],
  ['slow', renderSlowMode], ['compose', renderTopComposer], ['branch', renderBranchBar],
  ['fresh', renderFreshNews, updateFreshNews], ['list', renderList], ['empty', renderEmpty], ['more', renderMore]
], start);
commentActions.push(readerActions, moderatorActions);

// a renewal the server refused: the reader is signed out
api.onEnd = () => {
  state.me = null;
  if (state.shown) {
    renderAll();
  }
};

async function start() {
  state.error = null;
  document.getElementById('forum').setAttribute('aria-busy', 'true');
  try {
    await Promise.all([loadMessages(navigator.languages || []).then(() => { document.title = t('frame.title'); }),
      restoreSession().then(() => page.sso && import('./sso.js'))]);
    await loadForReader();
  } catch (e) {
    failed();
    return;
  }
  renderAll();
  liveStart();
}

setInterval(refreshTimes, 60000);
start();

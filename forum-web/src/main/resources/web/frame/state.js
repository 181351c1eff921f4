/*
 * The widget's state: the article (from the frame's address), the thread and comments read so far, who reads and
 * what they may do, the API client with the reader's session (localStorage, on the forum's origin), and loading.
 */
import { createApi } from '../lib/api.js';

const PAGE_SIZE = 50;
const params = new URLSearchParams(location.search);

export const key = decodeURIComponent(location.pathname.replace(/^\/embed\//, ''));
export const page = { title: params.get('title') || key, url: params.get('url') || '', theme: params.get('theme'), sso: params.has('sso') };

export const state = {
  article: null, thread: null, startAllowed: false,
  // fresh: new comments from the live stream, not shown yet
  comments: [], byId: {}, next: null, fresh: [], sort: 'oldest', branch: null,
  me: null, authForm: null, dom: null, error: null, shown: false
};

export const api = createApi(() => localStorage, 'forum.session');

export const open = () => (state.thread ? !state.thread.locked : state.startAllowed);
export const moderates = () => !!state.me && (state.me.role === 'MODERATOR' || state.me.role === 'ADMIN');
export const owns = (c) => !!state.me && !!c.author && c.author.username === state.me.username;
export const threadPath = (suffix) => '/api/v1/threads/' + encodeURIComponent(state.thread.id) + suffix;
export const commentPath = (c, suffix) => '/api/v1/comments/' + encodeURIComponent(c.id) + (suffix || '');

export async function loadArticle() {
  const r = await api.request('GET', '/api/v1/embed/articles/' + encodeURIComponent(key) + '?url=' + encodeURIComponent(page.url));
  if (!r.ok) {
    throw r;
  }
  state.article = r.data.article;
  state.startAllowed = r.data.startAllowed;
  state.thread = state.article ? state.article.thread : null;
  resetComments();
  return state.article ? loadPage(null) : [];
}

export function resetComments() {
  state.comments = [];
  state.byId = {};
  state.next = null;
  state.branch = null;
}

/** One page after the cursor: what is shown is never fetched again. */
export async function loadPage(after) {
  const query = '?sort=' + state.sort + '&limit=' + PAGE_SIZE + (after ? '&after=' + encodeURIComponent(after) : '');
  // with the reader's token: an author sees his held comments, a moderator what he reviews
  const r = await api.call('GET', threadPath('/comments' + query));
  if (!r.ok) {
    throw r;
  }
  state.thread = r.data.thread;
  state.next = r.data.next;
  const fresh = r.data.comments.filter((c) => !state.byId[c.id]);
  for (const c of fresh) {
    state.byId[c.id] = c;
    state.comments.push(c);
  }
  return fresh;
}

export async function restoreSession() {
  if (!api.session()) {
    return;
  }
  const r = await api.call('GET', '/api/v1/me');
  if (r.ok) {
    state.me = r.data;
    api.keepAccount(r.data);
  } else if (r.status === 401) {
    api.end();
    state.me = null;
  }
}

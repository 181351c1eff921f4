/*
 * The forum's embed script. A publisher writes:
 *   <div data-forum-article="KEY" data-forum-title="Title" data-forum-url="https://news.example/article"></div>
 *   <script src="https://FORUM-HOST/embed.js" async></script>
 * Each such element gets an iframe from the forum's origin, sized to its content by postMessage. The host page
 * never sees the reader's forum session: it stays in the iframe. Single sign-on: embed/sso.js.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script) {
    var scripts = document.querySelectorAll('script[src$="/embed.js"]');
    script = scripts[scripts.length - 1];
  }
  if (!script) {
    return;
  }
  var forumOrigin = new URL(script.src, location.href).origin;
  var frames = [];

  var ATTRIBUTE = 'data-forum-sso-token';
  var sso = null;

  function tell(frame, message) {
    frame.contentWindow.postMessage(message, forumOrigin);
  }

  /** Fetched only for a page that signs its readers in. */
  function loadSso() {
    sso = sso || new Promise(function (resolve) {
      var tag = document.createElement('script');
      tag.src = forumOrigin + '/assets/embed/sso.js';
      tag.onload = tag.onerror = resolve;
      document.head.appendChild(tag);
    });
    return sso;
  }

  window.forumEmbed = window.forumEmbed || {};
  // the host's reader signed in or out without a page load
  window.forumEmbed.ssoChanged = function () {
    frames.forEach(function (frame) { tell(frame, { type: 'forum:sso-changed' }); });
  };

  function mount(element) {
    var key = element.getAttribute('data-forum-article');
    if (!key || element.hasAttribute('data-forum-mounted')) {
      return;
    }
    element.setAttribute('data-forum-mounted', '');
    var params = new URLSearchParams();
    params.set('url', element.getAttribute('data-forum-url') || location.href.split('#')[0]);
    params.set('title', element.getAttribute('data-forum-title') || document.title || key);
    var theme = element.getAttribute('data-forum-theme');
    if (theme) {
      params.set('theme', theme);
    }
    var frame = document.createElement('iframe');
    frame.src = forumOrigin + '/embed/' + encodeURIComponent(key) + '?' + params.toString();
    frame.setAttribute('scrolling', 'no');
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    frame.style.cssText = 'display:block;width:100%;min-width:280px;height:240px;border:0;overflow:hidden;'
      + 'color-scheme:normal;background:transparent';
    frame.addEventListener('load', function () {
      // the frame answers only a hello from its parent, and only when the parent's origin is allowed
      var signsIn = element.hasAttribute(ATTRIBUTE) || window.forumSso;
      (signsIn ? loadSso() : Promise.resolve()).then(function () {
        var answer = window.forumEmbed.answerSso;
        tell(frame, { type: 'forum:hello', sso: signsIn && answer ? answer(frame, { type: 'forum:sso-offer' }) : null });
      });
    });
    frame.forumElement = element;
    frames.push(frame);
    element.appendChild(frame);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== forumOrigin || !event.data || typeof event.data !== 'object') {
      return;
    }
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) {
        continue;
      }
      var height = event.data.height;
      if (event.data.type === 'forum:height' && typeof height === 'number' && height >= 0 && height < 1e6) {
        frame.style.height = Math.ceil(height) + 'px';
      }
      if (typeof event.data.title === 'string') {
        frame.title = event.data.title.slice(0, 200);
      }
      if (window.forumEmbed.answerSso) {
        window.forumEmbed.answerSso(frame, event.data, tell);
      }
    }
  });

  function mountAll() {
    var elements = document.querySelectorAll('[data-forum-article]');
    for (var i = 0; i < elements.length; i++) {
      mount(elements[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mountAll);
  } else {
    mountAll();
  }
}());

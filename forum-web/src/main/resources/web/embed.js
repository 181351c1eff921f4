/*
 * The forum's embed script. A publisher writes:
 *   <div data-forum-article="KEY" data-forum-title="Title" data-forum-url="https://news.example/article"></div>
 *   <script src="https://FORUM-HOST/embed.js" async></script>
 * Each such element gets an iframe from the forum's origin, sized to its content by postMessage. The host page
 * never sees the reader's token: it stays in the iframe, on the forum's origin.
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

  function mount(element) {
    var key = element.getAttribute('data-forum-article');
    if (!key || element.hasAttribute('data-forum-mounted')) {
      return;
    }
    element.setAttribute('data-forum-mounted', '');
    var params = new URLSearchParams();
    params.set('url', element.getAttribute('data-forum-url') || location.href.split('#')[0]);
    params.set('title', element.getAttribute('data-forum-title') || document.title || key);
    if (element.hasAttribute('data-forum-sso-token') || window.forumSso) {
      // a page that signs its readers in: embed/sso.js answers its frames
      params.set('sso', '1');
      document.head.appendChild(document.createElement('script')).src = forumOrigin + '/assets/embed/sso.js';
    }
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
      frame.contentWindow.postMessage({ type: 'forum:hello' }, forumOrigin);
    });
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

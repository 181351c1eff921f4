/*
 * The publisher's single sign-on, fetched once by embed.js on a page that signs its readers in (README: Publishers'
 * sign-in): it tells each frame what the host lends (its login and logout for the widget's buttons) and answers its
 * requests for a fresh token, from data-forum-sso-token (emptied once used; empty: nobody is signed in) or from
 * window.forumSso.token().
 */
(function () {
  'use strict';

  var origin = new URL(document.currentScript.src).origin;
  var ATTRIBUTE = 'data-forum-sso-token';
  var embed = window.forumEmbed = window.forumEmbed || {};
  // embed.js fetches it for each of the page's frames that sign in: the first one answers them all
  if (embed.ssoChanged) {
    return;
  }

  function hook(name) {
    var hooks = window.forumSso;
    return hooks && typeof hooks[name] === 'function' ? hooks[name] : null;
  }

  /** The frames of this page that sign in, each in its embed element. */
  function frames() {
    return Array.prototype.filter.call(document.querySelectorAll('[data-forum-mounted] > iframe'), function (frame) {
      return frame.src.indexOf(origin + '/embed/') === 0 && /[?&]sso=1/.test(frame.src);
    });
  }

  function tell(frame, message) {
    frame.contentWindow.postMessage(message, origin);
  }

  function offer(frame) {
    tell(frame, { type: 'forum:sso-offer', login: !!hook('login'), logout: !!hook('logout') });
  }

  /** A fresh token; null: the host's reader is signed out. */
  function token(element) {
    var onElement = element.getAttribute(ATTRIBUTE);
    if (onElement !== null) {
      element.setAttribute(ATTRIBUTE, '');
      return Promise.resolve(onElement || null);
    }
    return Promise.resolve().then(hook('token')).then(function (value) {
      return typeof value === 'string' && value ? value : null;
    }, function () {
      return null;
    });
  }

  // the host's reader signed in or out without a page load
  embed.ssoChanged = function () {
    frames().forEach(function (frame) { tell(frame, { type: 'forum:sso-changed' }); });
  };

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || typeof data !== 'object') {
      return;
    }
    frames().forEach(function (frame) {
      if (frame.contentWindow !== event.source) {
        return;
      }
      if (data.type === 'forum:sso-offer-request') {
        offer(frame);
      } else if (data.type === 'forum:sso-token-request') {
        token(frame.parentNode).then(function (value) {
          tell(frame, { type: 'forum:sso-token', id: data.id, token: value });
        });
      } else if (data.type === 'forum:sso-login' && hook('login')) {
        // a login that resolves without a page load signs the widget in
        Promise.resolve().then(hook('login')).then(embed.ssoChanged, function () {});
      } else if (data.type === 'forum:sso-logout' && hook('logout')) {
        Promise.resolve().then(hook('logout')).catch(function () {});
      }
    });
  });

  // a frame that asked before this script came has its answer now (one still loading asks when it has)
  frames().forEach(offer);
}());

/*
 * The publisher's single sign-on, fetched by embed.js on a page that signs its readers in (README: Publishers' sign-in):
 * a fresh token from data-forum-sso-token (emptied once used; empty: nobody is signed in) or from
 * window.forumSso.token(), and the host's own login and logout for the widget's buttons.
 */
(function () {
  'use strict';

  var ATTRIBUTE = 'data-forum-sso-token';

  function hook(name) {
    var hooks = window.forumSso;
    return hooks && typeof hooks[name] === 'function' ? hooks[name] : null;
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

  /** Answers a frame's message about signing in; for 'forum:sso-offer', what the host lends the widget. */
  window.forumEmbed.answerSso = function (frame, data, tell) {
    if (data.type === 'forum:sso-offer') {
      return { login: !!hook('login'), logout: !!hook('logout') };
    }
    if (data.type === 'forum:sso-token-request' && tell) {
      token(frame.forumElement).then(function (value) {
        tell(frame, { type: 'forum:sso-token', id: data.id, token: value });
      });
    } else if (data.type === 'forum:sso-login' && hook('login')) {
      // a login that resolves without a page load signs the widget in
      Promise.resolve().then(hook('login')).then(window.forumEmbed.ssoChanged, function () {});
    } else if (data.type === 'forum:sso-logout' && hook('logout')) {
      Promise.resolve().then(hook('logout')).catch(function () {});
    }
    return null;
  };
}());

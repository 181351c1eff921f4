/*
 * The demo publisher's own script (not the forum's): its reader signs in with its form (a page load) and out with
 * its button (none). With the token on the embed element the page is loaded again after signing out; otherwise
 * window.forumSso lends the widget the publisher's tokens, sign-in and sign-out.
 */
(function () {
  'use strict';

  var onElement = document.querySelector('meta[name="publisher-sso"]').content === 'attribute';

  function signOut() {
    return fetch('/logout', { method: 'POST', credentials: 'same-origin' }).then(function () {
      if (onElement) {
        location.reload();
        return;
      }
      document.getElementById('publisher-signed-in').hidden = true;
      document.getElementById('publisher-login').hidden = false;
      if (window.forumEmbed) {
        window.forumEmbed.ssoChanged();
      }
    });
  }

  if (!onElement) {
    window.forumSso = {
      // the publisher's backend signs a fresh token for its signed-in reader; nobody signed in: no token
      token: function () {
        return fetch('/forum-token', { method: 'POST', credentials: 'same-origin' }).then(function (r) {
          return r.status === 200 ? r.text() : null;
        });
      },
      login: function () {
        var name = document.getElementById('publisher-username');
        name.scrollIntoView({ block: 'center' });
        name.focus();
      },
      logout: signOut
    };
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('publisher-logout').addEventListener('click', signOut);
  });
}());

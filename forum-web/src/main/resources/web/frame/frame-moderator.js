/*
 * A moderator's controls on each comment of the widget: remove with a reason (every reader sees it), restore,
 * approve a held comment, ban its author. frame.js loads this file only once a MODERATOR or ADMIN has signed in,
 * so readers never download it, and hands it its helpers through window.forumWidget. The API checks the role again
 * on every call.
 */
(function () {
  'use strict';

  var widget = window.forumWidget;
  if (!widget) {
    return;
  }
  var t = widget.t;
  var el = widget.el;
  var button = widget.button;

  // screen readers hear the outcome even when the thread is redrawn around it
  var live = el('p', { id: 'forum-moderator-status', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  document.body.appendChild(live);

  function commentPath(c, suffix) {
    return '/api/v1/comments/' + encodeURIComponent(c.id) + suffix;
  }

  function commentActions(node) {
    var c = node.comment;
    var about = { 'aria-describedby': node.labelId };
    if (c.status === 'deleted') {
      return;
    }
    if (c.status === 'removed') {
      node.actions.append(button(t('moderation.restore'), function () {
        decide(node, 'DELETE', '/removal', undefined, 'moderation.restored');
      }, about));
    } else {
      if (c.status === 'pending' || c.status === 'hidden') {
        node.actions.append(button(t('moderation.approve'), function () {
          decide(node, 'PUT', '/approval', undefined, 'moderation.approved');
        }, about));
      }
      node.actions.append(button(t('moderation.remove'), function () { openRemove(node); }, about));
    }
    var me = widget.me();
    if (c.author && me && c.author.username !== me.username) {
      node.actions.append(button(t('moderation.ban'), function () { openBan(node); }, about));
    }
  }

  function errorLine() {
    return el('p', { class: 'form-error', role: 'alert', hidden: true });
  }

  function showError(error, text) {
    error.textContent = text;
    error.hidden = false;
  }

  function closeForm(node) {
    node.slot.replaceChildren();
    node.box.focus();
  }

  function say(node, text) {
    node.slot.replaceChildren(el('p', { class: 'hint', text: text }));
    live.textContent = text;
  }

  /** Removal, restore or approval: the comment is redrawn from the server's answer, focus stays on it. */
  function decide(node, method, suffix, body, doneMessage, error) {
    return widget.api(method, commentPath(node.comment, suffix), body).then(function (r) {
      if (!r.ok) {
        if (error) {
          showError(error, widget.problemText(r));
        } else {
          node.slot.replaceChildren(el('p', { class: 'form-error', role: 'alert', text: widget.problemText(r) }));
        }
        return;
      }
      if (r.data && r.data.id === node.comment.id) {
        Object.keys(r.data).forEach(function (field) { node.comment[field] = r.data[field]; });
      }
      widget.refill(node);
      say(node, t(doneMessage));
      node.box.focus();
    });
  }

  /**
   * A confirmation form under the comment that asks for a reason (readers or the banned author see it) and runs
   * send(reason, error) once one is given.
   */
  function openReasonForm(node, options) {
    var id = widget.nextId('reason');
    var reason = el('input', { id: id, type: 'text', maxlength: 500, autocomplete: 'off', required: true });
    var error = errorLine();
    var form = el('form', { class: 'confirm', novalidate: true, 'aria-label': options.label, onsubmit: function (event) {
      event.preventDefault();
      if (!reason.value.trim()) {
        showError(error, t('moderation.reasonNeeded'));
        reason.focus();
        return;
      }
      options.send(reason.value.trim(), error);
    } }, [el('p', { text: options.question }), el('label', { for: id, text: options.reasonLabel }), reason]
      .concat(options.extra || []).concat([error, el('div', { class: 'form-actions' }, [
        el('button', { type: 'submit', class: 'danger', text: options.confirm }),
        button(t('action.cancel'), function () { closeForm(node); })])]));
    node.slot.replaceChildren(form);
    reason.focus();
  }

  function openRemove(node) {
    openReasonForm(node, {
      label: t('moderation.remove'), question: t('moderation.removeQuestion'),
      reasonLabel: t('moderation.removeReason'), confirm: t('moderation.confirmRemove'),
      send: function (reason, error) {
        decide(node, 'PUT', '/removal', { reason: reason }, 'moderation.removed', error);
      }
    });
  }

  function openBan(node) {
    var name = node.comment.author.username;
    var removeId = widget.nextId('remove-all');
    var removeAll = el('input', { id: removeId, type: 'checkbox' });
    openReasonForm(node, {
      label: t('moderation.ban'), question: t('moderation.banQuestion', { name: name }),
      reasonLabel: t('moderation.banReason'), confirm: t('moderation.confirmBan'),
      extra: [el('div', { class: 'check' }, [removeAll, el('label', { for: removeId, text: t('moderation.banRemoveComments') })])],
      send: function (reason, error) {
        var body = { reason: reason, removeComments: removeAll.checked };
        widget.api('PUT', '/api/v1/accounts/' + encodeURIComponent(name) + '/ban', body).then(function (r) {
          if (!r.ok) {
            showError(error, widget.problemText(r));
            return;
          }
          var done = t('moderation.banned', { name: name });
          if (removeAll.checked) {
            // every comment of the author changed: draw the thread again
            widget.reload().then(function () { live.textContent = done; });
          } else {
            say(node, done);
            node.box.focus();
          }
        });
      }
    });
  }

  widget.use({ commentActions: commentActions });
}());

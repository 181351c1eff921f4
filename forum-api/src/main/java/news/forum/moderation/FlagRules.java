package news.forum.moderation;

import news.forum.account.Caller;

/**
 * A check every flag passes before it is stored (a flagging rate limit): every bean of this type runs inside the
 * flagging transaction and refuses by throwing a {@link news.forum.web.ProblemException} (429 with Retry-After).
 */
public interface FlagRules {

    void check(Caller flagger, long commentId);
}

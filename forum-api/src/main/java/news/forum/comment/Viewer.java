package news.forum.comment;

import news.forum.account.Caller;

import java.util.Optional;

/**
 * Who reads: what a comment shows depends on it. Moderators see everything; an author sees his own comments in
 * every state; everyone else sees removed and hidden comments as placeholders and held ones not at all.
 */
public record Viewer(long accountId, boolean moderator) {

    public static final Viewer ANONYMOUS = new Viewer(0, false);

    public static Viewer of(Caller caller) {
        return new Viewer(caller.id(), caller.role().moderates());
    }

    public static Viewer of(Optional<Caller> caller) {
        return caller.map(Viewer::of).orElse(ANONYMOUS);
    }

    boolean signedIn() {
        return accountId != 0;
    }
}

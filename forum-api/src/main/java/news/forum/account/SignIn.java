package news.forum.account;

import java.util.Locale;

/** How an account's owner signs in: with a password kept here, through the publisher's single sign-on, or not at all. */
public enum SignIn {
    PASSWORD,
    SSO,
    /** An account nobody signs in to (moved in from another system, with no password). */
    NONE;

    /** As the API spells it: "password", "sso", "none". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package news.forum.account;

/** What an account may do. Always read from the database, never taken from a token. */
public enum Role {
    USER,
    MODERATOR,
    ADMIN;

    public boolean moderates() {
        return this == MODERATOR || this == ADMIN;
    }
}

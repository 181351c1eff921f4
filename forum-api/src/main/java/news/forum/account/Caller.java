package news.forum.account;

/** The account behind a request, as the database has it now. */
public record Caller(long id, String username, String displayName, Role role) {
}

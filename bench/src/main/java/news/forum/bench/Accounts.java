package news.forum.bench;

import java.io.IOException;

/** The bench's own accounts, registered through the API like any reader's (a name already taken is kept). */
final class Accounts {

    private Accounts() {
    }

    /** Registers the account unless it exists, signs in, and returns the access token. */
    static String signIn(Http http, String name, String password, String displayName) throws IOException {
        Http.Response created = http.post("/api/v1/accounts", null, "{\"username\":\"" + name + "\",\"password\":\""
                + password + "\",\"displayName\":\"" + displayName + "\"}");
        if (created.status() != 201 && created.status() != 409) {
            throw new IllegalStateException("registering " + name + " answered " + created.status() + ": " + created.body());
        }
        Http.Response login = http.post("/api/v1/auth/login", null, loginBody(name, password));
        if (login.status() != 200) {
            throw new IllegalStateException("login of " + name + " answered " + login.status() + ": " + login.body());
        }
        return Json.field(login.body(), "access_token");
    }

    static String loginBody(String name, String password) {
        return "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}";
    }
}

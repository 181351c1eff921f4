package news.forum.account;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record AccountResponse(String id, String username, String displayName, Role role) {

    static AccountResponse of(Caller caller) {
        return new AccountResponse(Long.toString(caller.id()), caller.username(), caller.displayName(), caller.role());
    }
}

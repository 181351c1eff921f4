package news.forum.account;

import io.micronaut.serde.annotation.Serdeable;
import news.forum.web.PublicIds;

@Serdeable
public record AccountResponse(String id, String username, String displayName, Role role) {

    static AccountResponse of(Caller caller, PublicIds ids) {
        return new AccountResponse(ids.format(caller.id()), caller.username(), caller.displayName(), caller.role());
    }
}

package news.forum.account;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last ADMIN keeps the role. The suite's one administrator steps down here for a moment, and the whole database
 * is compared around the refusals: the class runs alone.
 */
@WholeDatabase
class LastAdminTest extends ApiTestBase {

    @Test
    void theLastAdminCannotLoseTheRoleAndNothingIsWrittenWhenRefused() {
        Api.Session admin = api.admin();
        assertThat(db.count("SELECT count(*) FROM account WHERE role = 'ADMIN'")).as("the suite's one ADMIN").isEqualTo(1);
        String before = db.snapshot();

        for (String role : new String[]{"USER", "MODERATOR"}) {
            Response refused = role(admin, Api.ADMIN, role);
            assertProblem(refused, 409);
            assertThat((String) refused.path("type")).endsWith("/last-admin");
            assertThat((String) refused.path("detail")).contains("only administrator");
        }
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(api.as(admin).me().role()).isEqualTo(Role.ADMIN);
        // promoting the only ADMIN to ADMIN again is no demotion
        role(admin, Api.ADMIN, "ADMIN").expectStatus(200);

        // with a second ADMIN either may step down, and then the other is the last
        Api.Session deputy = api.newUser();
        role(admin, deputy.username(), "ADMIN").expectStatus(200);
        role(deputy, Api.ADMIN, "MODERATOR").expectStatus(200);
        String deputyAlone = db.snapshot();
        assertProblem(role(deputy, deputy.username(), "USER"), 409);
        assertProblem(role(admin, deputy.username(), "USER"), 403);
        assertThat(db.snapshot()).isEqualTo(deputyAlone);
        role(deputy, Api.ADMIN, "ADMIN").expectStatus(200);
        role(admin, deputy.username(), "USER").expectStatus(200);
        assertThat(db.count("SELECT count(*) FROM account WHERE role = 'ADMIN'")).isEqualTo(1);
    }

    /** A change of role by the given account, answered as the server answers it. */
    private Response role(Api.Session by, String username, String role) {
        return api.send(by, c -> c.changeRole(username, new RoleRequest(Role.valueOf(role))));
    }
}

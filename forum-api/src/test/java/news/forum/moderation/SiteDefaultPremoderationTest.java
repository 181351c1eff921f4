package news.forum.moderation;

import io.micronaut.context.annotation.Property;
import news.forum.support.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A site that reviews every comment by default (FORUM_PREMODERATION=all). */
@Property(name = "forum.moderation.premoderation", value = "all")
class SiteDefaultPremoderationTest extends ModerationTestBase {

    @Test
    void threadsWithoutASettingFollowTheSiteDefaultAndAThreadSettingOverridesIt() {
        String thread = api.newThread();
        Api.Session user = api.newUser();
        assertThat((String) api.send(c -> c.thread(thread)).path("premoderation")).isEqualTo("all");
        api.postComment(thread, user.token(), "held by the site default", null).expectStatus(202);

        settings(thread, api.admin().token(), Map.of("premoderation", "none")).expectStatus(200);
        assertThat((String) api.send(c -> c.thread(thread)).path("premoderation")).isEqualTo("none");
        api.postComment(thread, user.token(), "shown at once", null).expectStatus(201);
        assertThat(listing(thread, null)).extracting(c -> c.get("status")).containsExactly("published");
    }
}

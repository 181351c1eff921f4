package news.forum.moderation;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import news.forum.support.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A site that reviews every comment by default (FORUM_PREMODERATION=all). */
@MicronautTest(transactional = false)
@Property(name = "forum.moderation.premoderation", value = "all")
class SiteDefaultPremoderationTest extends ModerationTestBase {

    @Test
    void threadsWithoutASettingFollowTheSiteDefaultAndAThreadSettingOverridesIt() {
        String thread = api.newThread();
        Api.Session user = api.newUser();
        assertThat((String) api.get("/api/v1/threads/" + thread).path("premoderation")).isEqualTo("all");
        api.postComment(thread, user.token(), "held by the site default", null).expectStatus(202);

        settings(thread, api.admin().token(), Map.of("premoderation", "none")).expectStatus(200);
        assertThat((String) api.get("/api/v1/threads/" + thread).path("premoderation")).isEqualTo("none");
        api.postComment(thread, user.token(), "shown at once", null).expectStatus(201);
        assertThat(listing(thread, null)).extracting(c -> c.get("status")).containsExactly("published");
    }
}

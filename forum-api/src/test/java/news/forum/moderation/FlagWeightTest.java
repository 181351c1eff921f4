package news.forum.moderation;

import io.micronaut.context.annotation.Property;
import news.forum.support.Api;
import news.forum.support.MadeUpAddresses;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three accounts registered a moment ago cannot hide anyone's comment, nor can many established accounts behind one
 * network address, nor any number of flags a moderator's or an admin's comment: their flags reach the moderators'
 * queue all the same. Flags from established readers at different addresses still hide a reader's comment.
 */
@Property(name = "forum.throttle.trusted-proxies", value = "127.0.0.1,::1")
class FlagWeightTest extends ModerationTestBase {

    @Test
    void flagsFromNewAccountsOrAccountsWithoutAPublishedCommentReachTheQueueButHideNothing() {
        String thread = api.newThread();
        String comment = api.postComment(thread, api.newUser().token(), "An unpopular opinion", null)
                .expectStatus(201).path("id");
        Api.Session silentButOld = api.newUser();
        db.update("UPDATE account SET created_at = now() - interval '30 days' WHERE id = ?", db.rowId(silentButOld.id()));
        flagFromOwnAddress(comment, api.newUser(), "abuse").expectStatus(201);
        flagFromOwnAddress(comment, api.newUser(), "abuse").expectStatus(201);
        Api.Session writesButNew = api.newUser();
        api.postComment(api.newThread(), writesButNew.token(), "A comment of mine", null).expectStatus(201);
        flagFromOwnAddress(comment, writesButNew, "spam").expectStatus(201);
        flagFromOwnAddress(comment, silentButOld, "spam").expectStatus(201);

        assertThat(listed(thread, null, comment)).containsEntry("status", "published");
        assertThat(commentCount(thread)).isEqualTo(1);
        Map<String, Object> queued = flaggedItem(comment);
        assertThat((List<?>) queued.get("flags")).hasSize(4)
                .allSatisfy(f -> assertThat(((Map<?, ?>) f).get("counts")).isEqualTo(false));
        assertThat(db.count("SELECT hiding_flag_count FROM comment WHERE id = ?", db.rowId(comment))).isZero();
    }

    @Test
    void establishedReadersBehindOneAddressCountOnceAndAtDifferentAddressesHideTheComment() {
        String thread = api.newThread();
        String comment = api.postComment(thread, api.newUser().token(), "Wrong about everything", null)
                .expectStatus(201).path("id");
        String office = MadeUpAddresses.next();
        for (int i = 0; i < 4; i++) {
            flagFrom(comment, establishedReader(), "abuse", office).expectStatus(201);
        }
        assertThat(listed(thread, null, comment)).containsEntry("status", "published");
        assertThat(db.count("SELECT hiding_flag_count FROM comment WHERE id = ?", db.rowId(comment))).isEqualTo(1);

        flagFromOwnAddress(comment, establishedReader(), "abuse").expectStatus(201);
        assertThat(listed(thread, null, comment)).containsEntry("status", "published");
        flagFromOwnAddress(comment, establishedReader(), "abuse").expectStatus(201);
        assertThat(listed(thread, null, comment)).containsEntry("status", "hidden");
        assertThat(commentCount(thread)).isZero();
        List<?> flags = (List<?>) flaggedItem(comment).get("flags");
        assertThat(flags).hasSize(6);
        assertThat(flags.stream().filter(f -> Boolean.TRUE.equals(((Map<?, ?>) f).get("counts")))).hasSize(3);
    }

    @Test
    void aModeratorsOrAnAdminsCommentIsNeverHiddenByFlags() {
        String thread = api.newThread();
        String byModerator = api.postComment(thread, moderator().token(), "Please stay on topic", null)
                .expectStatus(201).path("id");
        String byAdmin = api.postComment(thread, api.admin().token(), "The thread stays open", null)
                .expectStatus(201).path("id");
        for (int i = 0; i < 4; i++) {
            Api.Session reader = establishedReader();
            flagFromOwnAddress(byModerator, reader, "abuse").expectStatus(201);
            flagFromOwnAddress(byAdmin, reader, "abuse").expectStatus(201);
        }
        for (String comment : List.of(byModerator, byAdmin)) {
            assertThat(listed(thread, null, comment)).containsEntry("status", "published");
            assertThat((List<?>) flaggedItem(comment).get("flags")).hasSize(4);
        }
        assertThat(commentCount(thread)).isEqualTo(2);
    }

    private Map<String, Object> flaggedItem(String commentId) {
        return readQueue("flagged", moderator().token()).stream()
                .filter(i -> commentId.equals(((Map<?, ?>) i.get("comment")).get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(commentId + " is not in the flagged queue"));
    }
}

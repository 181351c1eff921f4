package news.forum.startup;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo thread is the article the product was conceived from, in the shape it had on the page. */
class SeedThreadTest extends ApiTestBase {

    private static final String KEY = "us-boots-on-ground-never";

    @Test
    void theSeedArticleHasItsLockedThreadWithTheRebuttalUnderTheAbbottabadComment() {
        Response article = api.send(c -> c.article(KEY));
        article.expectStatus(200);
        assertThat((String) article.path("title")).isEqualTo("US boots on ground, never!");
        assertThat((Boolean) article.path("thread.locked")).isTrue();
        assertThat((String) article.path("thread.lockedBy")).isEqualTo("moderator");
        assertThat(((Number) article.path("thread.commentCount")).intValue()).isEqualTo(6);

        List<Map<String, Object>> comments = api.readAll(article.path("thread.id"), "oldest", 50);
        assertThat(comments).hasSize(6);
        assertThat(comments).extracting(c -> (Object) c.get("depth")).containsExactly(0, 0, 1, 0, 0, 0);
        Map<String, Object> abbottabad = comments.get(1);
        Map<String, Object> rebuttal = comments.get(2);
        assertThat((String) abbottabad.get("bodyHtml")).startsWith("<p>Did kiayani forget Abbottabad?");
        assertThat((String) rebuttal.get("bodyHtml")).startsWith("<p>Ask Zaradri and ex-ambassador Haqani");
        assertThat(rebuttal.get("parentId")).isEqualTo(abbottabad.get("id"));
        assertThat((String) comments.get(0).get("bodyHtml")).startsWith("<p>Dr Khan it is no to both");
        assertThat((String) comments.get(5).get("bodyHtml")).startsWith("<p>Great peice of writing");
    }

    @Test
    void theSeedThreadRefusesRepliesWithTheClosedNotice() {
        String thread = api.send(c -> c.article(KEY)).path("thread.id");
        Response refused = api.postComment(thread, api.newUser().token(), "Is anyone still here?", null);
        assertProblem(refused, 423);
        assertThat((String) refused.path("detail")).isEqualTo("Comments are closed.");
    }

    @Test
    void theDemoAccountsCanSignInWithThePrintedPasswords() {
        for (DemoData.DemoAccount account : DemoData.ACCOUNTS) {
            Api.Session session = api.login(account.username(), account.password());
            assertThat((String) api.send(session.token(), c -> c.me()).path("role")).isEqualTo(account.role().name());
        }
    }

    @Test
    void loadingTwiceAddsNothing() {
        assertThat(db.count("SELECT count(*) FROM article WHERE article_key = ?", KEY)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM comment c JOIN thread t ON t.id = c.thread_id "
                + "JOIN article a ON a.id = t.article_id WHERE a.article_key = ?", KEY)).isEqualTo(6);
    }
}

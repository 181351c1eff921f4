package news.forum.startup;

import news.forum.account.LoginRequest;
import news.forum.database.DatabaseSettings;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    void theDemoAccountsSignInWithThePasswordsGeneratedIntoTheDataDirectory() throws Exception {
        DemoPasswords passwords = bean(DemoPasswords.class);
        Set<String> seen = new HashSet<>();
        for (DemoData.DemoAccount account : DemoData.ACCOUNTS) {
            String password = passwords.of(account.username());
            assertThat(password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
            assertThat(seen.add(password)).as("each account has a password of its own").isTrue();
            Api.Session session = api.login(account.username(), password);
            assertThat((String) api.send(session.token(), c -> c.me()).path("role")).isEqualTo(account.role().name());
            assertThat(api.send(c -> c.login(new LoginRequest(account.username(), password.replace('-', '_'))))
                    .status()).isEqualTo(401);
        }
        Path file = bean(DatabaseSettings.class).dataDirectory().resolve("demo-passwords");
        assertThat(Files.readString(file)).contains(DemoData.ACCOUNTS.get(0).username() + " " + passwords.of("moderator"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void loadingTwiceAddsNothing() {
        assertThat(db.count("SELECT count(*) FROM article WHERE article_key = ?", KEY)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM comment c JOIN thread t ON t.id = c.thread_id "
                + "JOIN article a ON a.id = t.article_id WHERE a.article_key = ?", KEY)).isEqualTo(6);
    }
}

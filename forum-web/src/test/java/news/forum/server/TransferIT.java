package news.forum.server;

import io.micronaut.json.JsonMapper;
import news.forum.account.LoginRequest;
import news.forum.support.Api;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving a site in and out through the executable's commands, each in its own process, on the embedded database (or
 * the external one of CI's second pass): Disqus and WordPress exports made here are imported, a second run imports
 * nothing, the API shows the trees as a reader sees them, the counters match the rows, an import killed halfway
 * completes when run again, a malformed file stops where it is wrong, and an export imported into an empty database
 * gives the same pages byte for byte, for every sort.
 */
class TransferIT {

    private static final Duration START = Duration.ofSeconds(180);
    private static final String ADMIN_PASSWORD = "transfer-admin-password";
    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path work;

    @Test
    void importedTreesShowAsAReaderSeesThemAndSurviveAnExportAndImportByteForByte() throws Exception {
        Files.writeString(work.resolve("disqus.xml"), SampleExports.discussions(false).disqus());
        Files.writeString(work.resolve("wordpress.xml"), SampleExports.discussions(true).wordPress());
        try (Site site = Site.fresh(work.resolve("a")); Site copy = Site.fresh(work.resolve("b"))) {
            Map<String, String> env = site.environment();

            // as an operator runs it from the distribution (the rest through the jar, with a 256 MiB heap)
            CommandProcess dryRun = CommandProcess.launched(env, work, "import", "disqus", "disqus.xml", "--dry-run");
            assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
            assertThat(dryRun.output()).contains("Dry run, nothing written").doesNotContain("Database:");

            CommandProcess disqus = CommandProcess.run(env, work, "import", "disqus", "disqus.xml");
            assertThat(disqus.exitCode()).as(disqus.output()).isZero();
            assertThat(disqus.output())
                    .contains("4 threads new, 0 joined (1 locked as closed)")
                    .contains("1 whose parent is missing made top-level")
                    .contains("deeper than 64 levels attached at the deepest")
                    .contains("1 deleted, with no replies");
            CommandProcess again = CommandProcess.run(env, work, "import", "disqus", "disqus.xml");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).contains("0 comments written").contains("imported before");

            CommandProcess wordPress = CommandProcess.run(env, work, "import", "wordpress", "wordpress.xml", "--key-from", "url");
            assertThat(wordPress.exitCode()).as(wordPress.output()).isZero();
            assertThat(wordPress.output()).contains("1 held for review").contains("2 a pingback or trackback");

            Map<String, Map<String, String>> pages;
            Path export = work.resolve("site.jsonl");
            try (ServerProcess server = start(site)) {
                Api api = new Api(server.base(), json);
                seedThreadAsAReaderSeesIt(api, SampleExports.SEED_KEY);
                seedThreadAsAReaderSeesIt(api, "2012-07-us-boots-on-ground-never");
                statesAsAReaderSeesThem(api, "every-state");
                statesAsAReaderSeesThem(api, "2012-08-every-state");
                deepChainAsAReaderSeesIt(api);
                tricksAreSafe(api);
                placeholdersCannotSignIn(api);
                String admin = api.login("admin", ADMIN_PASSWORD).token();
                heldCommentOnlyForModerators(api, admin);
                moderateAndDiscuss(api, admin);
                if (!site.external()) {
                    CommandProcess busy = CommandProcess.run(env, work, "import", "disqus", "disqus.xml");
                    assertThat(busy.exitCode()).as(busy.output()).isEqualTo(2);
                    assertThat(busy.output()).contains("A forum server is running on the data directory");
                }
                pages = pages(api, admin);
                if (site.external()) {
                    // an external database takes an export while servers run
                    export(env, export);
                }
            }
            if (!site.external()) {
                export(env, export);
            }
            ExportCheck rows = ExportCheck.read(export);
            assertThat(rows.assertConsistent()).isGreaterThan(100);
            assertThat(rows.all("vote")).isNotEmpty();
            assertThat(rows.all("flag")).isNotEmpty();
            assertThat(rows.all("ban")).isNotEmpty();
            assertThat(rows.all("word_rule")).isNotEmpty();
            assertThat(rows.all("audit_entry")).as("one entry with its counts for each of the three imports")
                    .filteredOn(entry -> entry.get("action").equals("site.import"))
                    .hasSize(3).allMatch(entry -> ((String) entry.get("reason")).contains("comments written"));
            authorsArePlaceholders(rows);
            plainTextKept(rows);

            Map<String, String> target = copy.environment();
            CommandProcess moved = CommandProcess.run(target, work, "import", "forum", export.toString());
            assertThat(moved.exitCode()).as(moved.output()).isZero();
            CommandProcess twice = CommandProcess.run(target, work, "import", "forum", export.toString());
            assertThat(twice.exitCode()).as(twice.output()).isZero();
            assertThat(twice.output()).contains("imported already");
            CommandProcess notEmpty = CommandProcess.run(env, work, "import", "forum", export.toString());
            assertThat(notEmpty.exitCode()).as(notEmpty.output()).isEqualTo(2);
            assertThat(notEmpty.output()).contains("The database is not empty");
            try (ServerProcess server = start(copy)) {
                Api api = new Api(server.base(), json);
                String admin = api.login("admin", ADMIN_PASSWORD).token();
                Map<String, Map<String, String>> copied = pages(api, admin);
                assertThat(copied.keySet()).isEqualTo(pages.keySet());
                for (String page : pages.keySet()) {
                    assertThat(copied.get(page)).as(page).isEqualTo(pages.get(page));
                }
                flagOncePerAddressSurvivesTheMove(api, admin);
            }
        }
    }

    /**
     * The flag taken before the move (its address key made under the site's address key) still stands for its
     * address: a second account flagging the same comment from the same address (127.0.0.1) gets no counting flag.
     */
    private static void flagOncePerAddressSurvivesTheMove(Api api, String admin) {
        String thread = api.send(c -> c.article("every-state")).expectStatus(200).path("thread.id");
        List<Map<String, Object>> before = api.call(c -> c.queue("flagged", null, "50")).token(admin).send()
                .expectStatus(200).list("items");
        assertThat(before).as("the comment flagged before the move").hasSize(1);
        @SuppressWarnings("unchecked")
        String flagged = (String) ((Map<String, Object>) before.get(0).get("comment")).get("id");
        Api.Session newcomer = api.newUser();
        api.postComment(thread, newcomer.token(), "A newcomer after the move", null).expectStatus(201);
        api.call(c -> c.flag(flagged, null)).as(newcomer).body(Map.of("reason", "spam")).send().expectStatus(201);
        List<Map<String, Object>> items = api.call(c -> c.queue("flagged", null, "50")).token(admin).send()
                .expectStatus(200).list("items");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> flags = items.stream()
                .filter(item -> flagged.equals(((Map<String, Object>) item.get("comment")).get("id")))
                .flatMap(item -> ((List<Map<String, Object>>) item.get("flags")).stream()).toList();
        assertThat(flags).extracting(flag -> flag.get("reason"), flag -> flag.get("counts"))
                .as("the moved flag counts; the newcomer's, from the same address, does not")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("abuse", true),
                        org.assertj.core.groups.Tuple.tuple("spam", false));
    }

    @Test
    void anImportKilledHalfwayCompletesWhenRunAgainWithNoDuplicateAndNothingMissing() throws Exception {
        int threads = 100;
        int perThread = 1_500;
        Files.writeString(work.resolve("big.xml"), bigDisqus(threads, perThread));
        try (Site site = Site.fresh(work.resolve("a"))) {
            Map<String, String> env = new HashMap<>(site.environment());
            env.put("FORUM_PROGRESS_SECONDS", "1");
            try (CommandProcess first = CommandProcess.start(env, work, "import", "disqus", "big.xml")) {
                // some batches committed, not all
                boolean writing = first.awaitLine(Pattern.compile("written [1-9][0-9,]* of"), Duration.ofMinutes(8));
                assertThat(writing).as(first.output()).isTrue();
                first.kill();
                assertThat(first.output()).doesNotContain("Imported big.xml");
            }
            CommandProcess rerun = CommandProcess.run(env, work, "import", "disqus", "big.xml");
            assertThat(rerun.exitCode()).as(rerun.output()).isZero();
            assertThat(rerun.output()).contains("imported before");
            Path export = work.resolve("big.jsonl");
            export(env, export);
            ExportCheck rows = ExportCheck.read(export);
            assertThat(rows.assertConsistent()).isEqualTo(threads * perThread);
            assertThat(rows.all("comment_source")).hasSize(threads * perThread);
            assertThat(rows.all("audit_entry")).filteredOn(entry -> entry.get("action").equals("site.import")).hasSize(1);
        }
    }

    @Test
    void aMalformedFileStopsSayingWhereAndWhatWasExpectedAndARerunOfTheFixedFileCompletesIt() throws Exception {
        String good = SampleExports.discussions(false).disqus();
        int cut = good.indexOf("<post dsq:id=\"d40\">");
        String broken = good.substring(0, cut) + "<post dsq:id=\"d40\"><createdAt>yesterday</createdAt>" + good.substring(cut + 19);
        Files.writeString(work.resolve("broken.xml"), broken);
        Files.writeString(work.resolve("fixed.xml"), good);
        int line = (int) broken.substring(0, cut).lines().count();
        try (Site site = Site.fresh(work.resolve("a"))) {
            Map<String, String> env = site.environment();
            CommandProcess stopped = CommandProcess.run(env, work, "import", "disqus", "broken.xml");
            assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(1);
            assertThat(stopped.output())
                    .containsPattern("Stopped at broken.xml line " + line + ", column [0-9]+: expected a time like 2012-07-13T10:00:00Z, not 'yesterday'")
                    .containsPattern("Committed before stopping: [1-9][0-9]* comments");
            CommandProcess notXml = CommandProcess.run(env, work, "import", "wordpress", "broken.xml");
            assertThat(notXml.exitCode()).as(notXml.output()).isEqualTo(1);
            assertThat(notXml.output()).containsPattern("line [23], column [0-9]+: expected <rss> \\(a WordPress export \\(WXR\\)\\)");
            CommandProcess fixed = CommandProcess.run(env, work, "import", "disqus", "fixed.xml");
            assertThat(fixed.exitCode()).as(fixed.output()).isZero();
            assertThat(fixed.output()).contains("imported before");
            Path export = work.resolve("fixed.jsonl");
            export(env, export);
            ExportCheck rows = ExportCheck.read(export);
            rows.assertConsistent();
            CommandProcess clean;
            try (Site other = Site.fresh(work.resolve("c"))) {
                clean = CommandProcess.run(other.environment(), work, "import", "disqus", "fixed.xml");
            }
            assertThat(clean.exitCode()).as(clean.output()).isZero();
            Matcher written = Pattern.compile("([0-9,]+) comments written").matcher(clean.output());
            assertThat(written.find()).isTrue();
            assertThat(rows.all("comment")).hasSize(Integer.parseInt(written.group(1).replace(",", "")));
        }
    }

    /** Through the distribution's launcher, as the operator of a packaged site runs it. */
    private void export(Map<String, String> env, Path file) throws InterruptedException {
        CommandProcess exported = CommandProcess.launched(env, work, "export", file.toString());
        assertThat(exported.exitCode()).as(exported.output()).isZero();
        assertThat(exported.output()).contains("Exported to");
    }

    private static ServerProcess start(Site site) throws InterruptedException {
        Map<String, String> env = new HashMap<>(site.environment());
        env.put("FORUM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("FORUM_DEMO", "false");
        env.put("FORUM_FLAG_MIN_ACCOUNT_AGE", "0s");
        ServerProcess server = ServerProcess.start(Path.of(env.get("FORUM_DATA_DIR")), env);
        assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
        return server;
    }

    /** HTML's numeric character references resolved, as a browser shows them (the sanitiser writes emoji as &#x1f44d;). */
    private static String shown(String html) {
        return Pattern.compile("&#x([0-9a-fA-F]+);").matcher(html)
                .replaceAll(reference -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(reference.group(1), 16))));
    }

    /** Authors became accounts marked imported, with no password and an e-mail only as a hash; guests got none. */
    private static void authorsArePlaceholders(ExportCheck rows) {
        List<Map<String, Object>> imported = rows.all("account").stream()
                .filter(account -> account.get("imported_from") != null).toList();
        assertThat(imported).extracting(account -> account.get("username"))
                .contains("disqus:tariq", "disqus:sana", "disqus:imran", "disqus:eve", "disqus:spammer");
        assertThat(imported).filteredOn(account -> ((String) account.get("imported_from")).startsWith("wordpress"))
                .extracting(account -> account.get("display_name")).contains("Tariq", "Sana", "Imran", "Alice");
        Map<String, Object> tariq = imported.stream().filter(account -> "disqus:tariq".equals(account.get("username")))
                .findFirst().orElseThrow();
        assertThat(tariq.get("display_name")).isEqualTo("Tariq");
        assertThat(tariq.get("email_hash")).as("the e-mail kept as a hash").isNotNull();
        assertThat(rows.all("account").toString()).as("no address in clear").doesNotContainIgnoringCase("readers.example");
        assertThat(rows.all("comment")).filteredOn(comment -> "A guest".equals(comment.get("author_name"))).hasSize(2);
    }

    /** The plain text beside the safe HTML, for search and rules: the words, no markup. */
    private static void plainTextKept(ExportCheck rows) {
        Map<String, Object> bold = rows.all("comment").stream()
                .filter(comment -> String.valueOf(comment.get("body_html")).contains("<strong>bold</strong>"))
                .findFirst().orElseThrow();
        assertThat((String) bold.get("body")).contains("Hello", "bold", "italic").doesNotContain("<", "alert");
    }

    private static Map<String, Object> find(List<Map<String, Object>> comments, String text) {
        return comments.stream().filter(c -> c.get("bodyHtml") != null && ((String) c.get("bodyHtml")).contains(text))
                .findFirst().orElseThrow(() -> new AssertionError("no comment with " + text + " in " + comments));
    }

    private static void seedThreadAsAReaderSeesIt(Api api, String key) {
        Response article = api.send(c -> c.article(key)).expectStatus(200);
        assertThat((Boolean) article.path("thread.locked")).isTrue();
        assertThat((Integer) article.path("thread.commentCount")).isEqualTo(5);
        assertThat(((Number) article.path("thread.lastEventId")).longValue()).as("an import sends no live event").isZero();
        String thread = article.path("thread.id");
        List<Map<String, Object>> oldest = api.readAll(thread, "oldest", 50);
        assertThat(oldest).hasSize(6);
        assertThat(Instant.parse((String) oldest.get(0).get("createdAt"))).as("times preserved")
                .isEqualTo(SampleExports.T0.plusSeconds(30 * 60));
        assertThat(Instant.parse((String) oldest.get(5).get("createdAt"))).isEqualTo(SampleExports.T0.plusSeconds(180 * 60));
        assertThat((String) oldest.get(0).get("bodyHtml")).startsWith("<p>Dr Khan it is no to both the drones");
        assertThat(oldest.get(0).get("parentId")).as("its parent is not in the file: top-level").isNull();
        Map<String, Object> abbottabad = oldest.get(1);
        assertThat((String) abbottabad.get("bodyHtml")).contains("Did kiayani forget Abbottabad?");
        assertThat(abbottabad.get("replyCount")).isEqualTo((Object) 1);
        Map<String, Object> rebuttal = oldest.get(2);
        assertThat(rebuttal.get("parentId")).isEqualTo(abbottabad.get("id"));
        assertThat(rebuttal.get("depth")).isEqualTo(1);
        assertThat((String) rebuttal.get("bodyHtml")).contains("<p>There is no need to bully Gen Kiyani");
        Map<String, Object> spam = oldest.get(5);
        assertThat(spam.get("status")).isEqualTo("removed");
        assertThat(spam.get("bodyHtml")).as("readers see a placeholder").isNull();
        assertThat(((Map<?, ?>) spam.get("removal")).get("reason")).isEqualTo("spam");
        assertThat(((Map<?, ?>) abbottabad.get("author")).get("displayName")).isIn("Tariq", "Sana", "Imran");
        Api.Session reader = api.newUser();
        assertThat(api.postComment(thread, reader.token(), "Still closed?", null).status()).isEqualTo(423);
    }

    /** Disqus's and WordPress's states of the same discussion, as a reader sees them (WordPress's held comment hidden). */
    private static void statesAsAReaderSeesThem(Api api, String key) {
        Response article = api.send(c -> c.article(key)).expectStatus(200);
        assertThat((Boolean) article.path("thread.locked")).isFalse();
        String thread = article.path("thread.id");
        List<Map<String, Object>> oldest = api.readAll(thread, "oldest", 50);
        List<String> shown = new ArrayList<>();
        for (Map<String, Object> comment : oldest) {
            shown.add(comment.get("status") + ":" + comment.get("depth") + ":" + (comment.get("bodyHtml") == null ? "-"
                    : ((String) comment.get("bodyHtml")).replaceAll("</?p>", "")));
        }
        assertThat(shown).containsExactly(
                "published:0:Published",
                "deleted:0:-",
                "published:1:Reply to a deleted comment",
                "removed:0:-",
                "published:1:Reply to the spam",
                "published:0:Parent of a reply dated before it",
                "published:1:Reply dated before its parent");
        assertThat((Integer) article.path("thread.commentCount")).isEqualTo(5);
        Map<String, Object> guest = oldest.get(5);
        assertThat(((Map<?, ?>) guest.get("author")).get("displayName")).isEqualTo("A guest");
    }

    private static void deepChainAsAReaderSeesIt(Api api) {
        String thread = api.send(c -> c.article("deep-chain")).expectStatus(200).path("thread.id");
        List<Map<String, Object>> oldest = api.readAll(thread, "oldest", 200);
        assertThat(oldest).hasSize(SampleExports.CHAIN);
        Map<String, Object> level62 = find(oldest, "Level 62<");
        assertThat(level62.get("depth")).isEqualTo(62);
        assertThat(level62.get("replyCount")).isEqualTo(SampleExports.CHAIN - 63);
        for (int level = 63; level < SampleExports.CHAIN; level++) {
            Map<String, Object> deep = oldest.get(level);
            assertThat((String) deep.get("bodyHtml")).isEqualTo("<p>Level " + level + "</p>");
            assertThat(deep.get("depth")).isEqualTo(63);
            assertThat(deep.get("parentId")).isEqualTo(level62.get("id"));
        }
    }

    private static void tricksAreSafe(Api api) {
        String thread = api.send(c -> c.article("400-https-news.example-p-400")).expectStatus(200).path("thread.id");
        assertThat((String) api.send(c -> c.thread(thread)).path("title")).isEqualTo("Unicode & <b>HTML</b> tricks");
        List<Map<String, Object>> oldest = api.readAll(thread, "oldest", 50);
        StringBuilder all = new StringBuilder();
        oldest.forEach(c -> all.append(shown((String) c.get("bodyHtml"))).append('\n'));
        assertThat(all.toString()).doesNotContain("<script", "onerror", "onclick", "onmouseover", "javascript:", "\u202E", "<img")
                .contains("<strong>bold</strong>", "<em>italic</em>", "click me", ">fine link</a>", "👍🏽", "اردو",
                        "ze\u0301ro", "A CDATA end ]]&gt; inside, and &lt;script&gt; as text");
        assertThat(all.toString()).containsPattern("href=\"http://www.news.example/more\"");
        Map<?, ?> author = (Map<?, ?>) oldest.get(0).get("author");
        assertThat((String) author.get("displayName")).doesNotContain("\u202E").startsWith("Eve txt.exe xxx");
        assertThat(((String) author.get("displayName")).codePointCount(0, ((String) author.get("displayName")).length())).isEqualTo(64);
        assertThat(author.get("username")).isEqualTo("disqus:eve");
    }

    private static void placeholdersCannotSignIn(Api api) {
        for (String password : List.of("", "a long enough passphrase 42")) {
            Response login = api.send(c -> c.login(new LoginRequest("disqus:imran", password)));
            assertThat(login.status()).isIn(400, 401);
        }
        assertThat(api.register("disqus:imran", "a long enough passphrase 42").status()).isEqualTo(400);
    }

    private static void heldCommentOnlyForModerators(Api api, String admin) {
        String thread = api.send(c -> c.article("2012-08-every-state")).expectStatus(200).path("thread.id");
        assertThat(api.readAll(thread, "oldest", 50)).noneMatch(c -> "pending".equals(c.get("status")));
        List<Map<String, Object>> asModerator = api.send(admin, c -> c.page(thread, "oldest", "50", null))
                .expectStatus(200).list("comments");
        assertThat(asModerator).anyMatch(c -> "pending".equals(c.get("status"))
                && ((String) c.get("bodyHtml")).contains("Held for review"));
        assertThat(asModerator).noneMatch(c -> c.get("bodyHtml") != null && ((String) c.get("bodyHtml")).contains("back from a blog"));
    }

    /** Activity after the move, so the export carries every kind of record: votes, flags, bans, word rules, edits. */
    private static void moderateAndDiscuss(Api api, String admin) {
        String thread = api.send(c -> c.article("every-state")).path("thread.id");
        List<Map<String, Object>> comments = api.readAll(thread, "oldest", 50);
        Api.Session reader = api.newUser();
        Api.Session other = api.newUser();
        String first = (String) comments.get(0).get("id");
        api.call(c -> c.vote(first, null)).as(reader).body(Map.of("value", 1)).send().expectStatus(200);
        api.call(c -> c.vote(first, null)).as(other).body(Map.of("value", 1)).send().expectStatus(200);
        // the reader has a published comment before flagging, so the flag counts (flag-min-account-age is 0 here)
        String posted = api.postComment(thread, reader.token(), "A reply after the move", first).expectStatus(201).path("id");
        api.call(c -> c.flag((String) comments.get(2).get("id"), null)).as(reader).body(Map.of("reason", "abuse")).send().expectStatus(201);
        api.call(c -> c.edit(posted, null)).as(reader).body(Map.of("body", "A reply after the move, edited")).send().expectStatus(200);
        api.postComment(thread, other.token(), "Gone soon", null).expectStatus(201);
        api.call(c -> c.ban("disqus:spammer", null)).token(admin).body(Map.of("reason", "spam")).send().expectStatus(200);
        api.call(c -> c.replaceWordRules(null)).token(admin)
                .body(Map.of("reject", List.of("watches"), "hold", List.of("casino"))).send()
                .expectStatus(200);
        api.call(c -> c.moderation(thread, null)).token(admin).body(Map.of("slowModeSeconds", 30)).send().expectStatus(200);
    }

    /** Every thread's pages, every sort and a few page sizes, as a reader and as the admin: the exact bodies. */
    private static Map<String, Map<String, String>> pages(Api api, String admin) {
        Map<String, Map<String, String>> pages = new LinkedHashMap<>();
        for (String key : List.of(SampleExports.SEED_KEY, "every-state", "deep-chain", "400-https-news.example-p-400",
                "2012-07-us-boots-on-ground-never", "2012-08-every-state", "2012-09-deep-chain", "p-400")) {
            Response article = api.send(c -> c.article(key)).expectStatus(200);
            String thread = article.path("thread.id");
            Map<String, String> bodies = new LinkedHashMap<>();
            bodies.put("article", article.body());
            for (String sort : List.of("oldest", "newest", "top")) {
                for (int limit : List.of(1, 7, 200)) {
                    for (String token : new String[]{null, admin}) {
                        String after = null;
                        int page = 0;
                        do {
                            String cursor = after;
                            Response response = api.send(token, c -> c.page(thread, sort, Integer.toString(limit), cursor)).expectStatus(200);
                            bodies.put(sort + " " + limit + " " + (token == null ? "reader" : "admin") + " " + page++,
                                    response.body());
                            after = response.path("next");
                        } while (after != null);
                    }
                }
            }
            pages.put(key, bodies);
        }
        return pages;
    }

    /** Many threads of comments, a third of them replies, written as Disqus writes them. */
    private static String bigDisqus(int threads, int perThread) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<disqus xmlns=\"http://disqus.com\" xmlns:dsq=\"http://disqus.com/disqus-internals\">\n");
        for (int t = 0; t < threads; t++) {
            xml.append("<thread dsq:id=\"").append(t + 1).append("\"><id>big-").append(t).append("</id><link>https://news.example/big/")
                    .append(t).append("</link><title>Big ").append(t).append("</title><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>\n");
        }
        long id = 10_000;
        for (int t = 0; t < threads; t++) {
            for (int c = 0; c < perThread; c++) {
                id++;
                xml.append("<post dsq:id=\"").append(id).append("\"><message><![CDATA[<p>Comment ").append(c)
                        .append(" of thread ").append(t).append(", with a little text to carry.</p>]]></message><createdAt>")
                        .append(SampleExports.T0.plusSeconds(c)).append("</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>")
                        .append("<author><name>Reader ").append(c % 97).append("</name><isAnonymous>false</isAnonymous><username>reader")
                        .append(c % 97).append("</username></author><thread dsq:id=\"").append(t + 1).append("\"/>");
                if (c % 3 == 2) {
                    xml.append("<parent dsq:id=\"").append(id - 1 - (c % 5 == 0 ? 1 : 0)).append("\"/>");
                }
                xml.append("</post>\n");
            }
        }
        return xml.append("</disqus>\n").toString();
    }
}

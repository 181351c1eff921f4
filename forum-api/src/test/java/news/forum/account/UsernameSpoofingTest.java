package news.forum.account;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@WholeDatabase
class UsernameSpoofingTest extends ApiTestBase {

    /** Latin letters and the Cyrillic letters drawn the same, position by position. */
    private static final String LATIN = "aceopxy";
    private static final String CYRILLIC = "асеорху";

    @Test
    void aCyrillicLookAlikeOfATakenLatinNameIsRefusedWith409() {
        String latin = randomLatin(14);
        api.register(latin, Api.PASSWORD).expectStatus(201);

        String cyrillic = toCyrillic(latin);
        assertThat(cyrillic).isNotEqualTo(latin);
        Response refused = api.register(cyrillic, Api.PASSWORD);
        assertProblem(refused, 409);
        assertThat((String) refused.path("type")).endsWith("/username-confusable");
        assertProblem(api.register(cyrillic.toUpperCase(java.util.Locale.ROOT), Api.PASSWORD), 409);
        assertThat(db.count("SELECT count(*) FROM account WHERE username_key IN (?, ?)", latin, cyrillic)).isEqualTo(1);
    }

    @Test
    void aLatinLookAlikeOfATakenCyrillicNameIsRefusedWith409() {
        String latin = randomLatin(14);
        api.register(toCyrillic(latin), Api.PASSWORD).expectStatus(201);

        assertProblem(api.register(latin, Api.PASSWORD), 409);
        assertProblem(api.register(latin.toUpperCase(java.util.Locale.ROOT), Api.PASSWORD), 409);
        assertThat(db.count("SELECT count(*) FROM account WHERE username_key = ?", latin)).isZero();
    }

    @Test
    void lookAlikesRegisteringAtOnceGiveExactlyOne201() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 5; round++) {
                String latin = randomLatin(14);
                var results = pool.invokeAll(java.util.List.<java.util.concurrent.Callable<Integer>>of(
                        () -> api.register(latin, Api.PASSWORD).status(),
                        () -> api.register(toCyrillic(latin), Api.PASSWORD).status(),
                        () -> api.register(toCyrillic(latin).toUpperCase(java.util.Locale.ROOT), Api.PASSWORD).status()));
                java.util.List<Integer> statuses = new java.util.ArrayList<>();
                for (var result : results) {
                    statuses.add(result.get());
                }
                assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
                assertThat(db.count("SELECT count(*) FROM account WHERE username_skeleton = ?", latin)).isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void shapesThatReadAlikeCollideToo() {
        String tail = randomLatin(10);
        api.register("modern" + tail, Api.PASSWORD).expectStatus(201);
        assertProblem(api.register("rnodern" + tail, Api.PASSWORD), 409);

        api.register("l" + tail + "1", Api.PASSWORD).expectStatus(201);
        assertProblem(api.register("I" + tail + "l", Api.PASSWORD), 409);
        assertProblem(api.register("1" + tail + "I", Api.PASSWORD), 409);
    }

    @Test
    void theTakenNameItselfIsStill409WithItsOwnReason() {
        String latin = randomLatin(14);
        api.register(latin, Api.PASSWORD).expectStatus(201);
        Response taken = api.register(latin.toUpperCase(java.util.Locale.ROOT), Api.PASSWORD);
        assertProblem(taken, 409);
        assertThat((String) taken.path("type")).endsWith("/username-taken");
    }

    @Test
    void namesMixingScriptsThatLookAlikeAreRefusedWith400() {
        String latin = randomLatin(12);
        String oneCyrillicLetter = latin.substring(0, 5) + toCyrillic(latin.substring(5, 6)) + latin.substring(6);
        for (String mixed : new String[]{oneCyrillicLetter, "Ωmega" + latin, "user1" + "\u0663" + digits(6)}) {
            Response refused = api.register(mixed, Api.PASSWORD);
            assertProblem(refused, 400);
            assertThat(refused.body()).contains("username");
        }
        assertThat(db.count("SELECT count(*) FROM account WHERE username_key = ?",
                oneCyrillicLetter)).isZero();
    }

    @Test
    void namesInOneScriptOrLatinWithAScriptThatCannotBeConfusedRegister() {
        for (String name : new String[]{"иван" + digits(8), "Αθηνα" + digits(8), "أحمد" + digits(8),
                "東京" + digits(8), "Ünïcödé" + digits(8), "ahmed_أحمد" + digits(8), "tokyo東京" + digits(8)}) {
            api.register(name, Api.PASSWORD).expectStatus(201);
        }
    }

    @Test
    void zeroWidthBidiAndOtherInvisibleCharactersAreRefused() {
        String name = randomLatin(12);
        String before = db.snapshot();
        String[] invisible = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u034F", "\u3164",
                "\uFE0F", "\u200E", "\u200F", "\u061C", "\u202A", "\u202E", "\u2066", "\u2069"};
        for (String character : invisible) {
            for (String disguised : new String[]{name.substring(0, 4) + character + name.substring(4),
                    character + name, name + character}) {
                Response refused = api.register(disguised, Api.PASSWORD);
                assertProblem(refused, 400);
                assertThat(refused.body()).as("U+%04X", (int) character.charAt(0)).contains("username");
            }
        }
        assertThat(db.snapshot()).isEqualTo(before);
        api.register(name, Api.PASSWORD).expectStatus(201);
    }

    @Test
    void accountsFromBeforeSkeletonsGetThemAtStartAndTheirLookAlikesAreRefused() {
        String latin = "o" + randomLatin(13);
        String cyrillic = toCyrillic(latin);
        // as V7 left them: two look-alike names already registered, no skeletons
        db.update("INSERT INTO account (username, username_key, display_name, password_hash) VALUES (?, ?, ?, 'x')",
                latin, latin, latin);
        db.update("INSERT INTO account (username, username_key, display_name, password_hash) VALUES (?, ?, ?, 'x')",
                cyrillic, cyrillic, cyrillic);

        assertThat(bean(SkeletonBackfill.class).run()).isEqualTo(1);
        assertThat(bean(SkeletonBackfill.class).run()).as("idempotent").isZero();
        assertThat(db.count("SELECT count(*) FROM account WHERE username_key = ? AND username_skeleton = ?",
                latin, latin)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM account WHERE username_key = ? AND username_skeleton IS NULL",
                cyrillic)).as("the later look-alike keeps no skeleton, and is logged").isEqualTo(1);

        Response zeroForO = api.register("0" + latin.substring(1), Api.PASSWORD);
        assertProblem(zeroForO, 409);
        assertThat((String) zeroForO.path("type")).endsWith("/username-confusable");
    }

    static String randomLatin(int length) {
        StringBuilder name = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            name.append(LATIN.charAt(random.nextInt(LATIN.length())));
        }
        return name.toString();
    }

    static String toCyrillic(String latin) {
        StringBuilder cyrillic = new StringBuilder();
        for (char c : latin.toCharArray()) {
            int at = LATIN.indexOf(c);
            cyrillic.append(at >= 0 ? CYRILLIC.charAt(at) : c);
        }
        return cyrillic.toString();
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}

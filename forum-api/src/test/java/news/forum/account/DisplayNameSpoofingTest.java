package news.forum.account;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Display names cannot pass for someone else's (issue 11): invisible, blank, control and direction-changing
 * characters, the staff's names in any look-alike spelling, and exact or look-alike copies of another account's
 * display name or username are refused with a 422 problem and nothing stored; comments carry their author's
 * username and role, which the widget shows beside the display name.
 */
@WholeDatabase
class DisplayNameSpoofingTest extends ApiTestBase {

    /** Letters with no look-alike among each other, so that a random tail never collides by itself. */
    private static final String LETTERS = "bdfhkqtvwz";

    @Test
    void invisibleBlankControlAndDirectionCharactersAreRefused() {
        String before = db.snapshot();
        for (String character : List.of("\u200b", "\u3164", "\u2800", "\u0085", "\u2028", "\u2029", "\u061c",
                "\u202e", "\u2066", "\u200d", "\u00ad", "\ufeff", "\u115f", "\u0007", "\ue000")) {
            String what = String.format("U+%04X", (int) character.charAt(0));
            Response inside = register(Api.uniqueName("r"), "Ali" + character + "ce " + tail());
            assertRefused(inside, "invalid-display-name", what);
            Response alone = register(Api.uniqueName("r"), character);
            assertRefused(alone, "invalid-display-name", what + " alone");
            Response around = register(Api.uniqueName("r"), character + "Bob " + tail() + character);
            assertRefused(around, "invalid-display-name", what + " around");
        }
        assertRefused(register(Api.uniqueName("r"), "Two  spaces " + tail()), "invalid-display-name", "a run of spaces");
        assertThat(db.snapshot()).as("nothing stored").isEqualTo(before);

        String plain = "Zoë Ångström " + tail() + " 🌙";
        assertThat(register(Api.uniqueName("r"), plain).expectStatus(201).<String>path("displayName")).isEqualTo(plain);
    }

    @Test
    void theStaffsNamesInAnySpellingAreRefusedToReaders() {
        String before = db.snapshot();
        List<String> names = List.of("Moderator", "moderator", "MODERATOR", "Admin", "admins", "The Admins",
                "Site Administrator", "Forum Staff", "Mod", "rnoderator", "Моderatоr", "Ａｄｍｉｎ", "Admin_Team",
                "ModeratorTariq", "moderator.bob", "Official");
        for (String name : names) {
            assertRefused(register(Api.uniqueName("r"), name), "display-name-reserved", name);
        }
        // nor by choosing such a username and no display name, which then shows the username
        assertRefused(register("moderator" + tail(), null), "display-name-reserved", "a staff username");
        assertThat(db.snapshot()).isEqualTo(before);

        // words that merely start alike are names like any other
        for (String name : List.of("Modern Mo " + tail(), "Badminton " + tail(), "Admiral " + tail())) {
            register(Api.uniqueName("r"), name).expectStatus(201);
        }
    }

    @Test
    void copiesOfAnotherAccountsNamesExactOrLookAlikeAreRefused() {
        String tail = tail();
        String displayName = "Reader " + tail;
        String username = "owner" + tail;
        register(username, displayName).expectStatus(201);

        String before = db.snapshot();
        List<String> copies = List.of(displayName, displayName.toUpperCase(), "reader_" + tail, "Reader  " + tail,
                "Rеader " + tail /* Cyrillic е */, "Reader" + tail, "READER." + tail, "Ｒｅａｄｅｒ " + tail,
                username, "Owner " + tail, "OWNER-" + tail);
        for (String copy : copies) {
            Response refused = register(Api.uniqueName("r"), copy);
            assertThat(refused.status()).as(copy + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.<String>path("type")).as(copy).endsWith(copy.contains("  ") ? "/invalid-display-name" : "/display-name-taken");
        }
        // a username that reads as another account's display name, the display name it shows by default
        Response username409 = register("reader" + tail, null);
        assertProblem(username409, 409);
        assertThat(username409.<String>path("type")).endsWith("/username-confusable");
        assertThat(db.snapshot()).as("nothing stored").isEqualTo(before);

        register(Api.uniqueName("r"), "Reader " + tail + " Two").expectStatus(201);
    }

    @Test
    void accountsFromBeforeDisplayNameKeysGetThemAtStartAndTheirCopiesAreRefused() {
        String tail = tail();
        // as V54 left them: two readers already showing the same name under different usernames, no keys
        for (String username : List.of("first" + tail, "second" + tail)) {
            db.update("INSERT INTO account (username, username_key, username_skeleton, display_name, password_hash)"
                    + " VALUES (?, ?, ?, ?, 'x')", username, username, username, "Old Name " + tail);
        }
        SkeletonBackfill backfill = bean(SkeletonBackfill.class);
        // at least these two rows' one key: on a shared external database other classes' keyless accounts may be filled too
        assertThat(backfill.fillDisplayNameKeys()).isGreaterThanOrEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM account WHERE username_key = ? AND display_name_key IS NOT NULL",
                "first" + tail)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM account WHERE username_key = ? AND display_name_key IS NULL",
                "second" + tail)).as("the later copy keeps its name but no key, and is logged").isEqualTo(1);

        assertRefused(register(Api.uniqueName("r"), "old name " + tail), "display-name-taken", "a copy of an old name");
    }

    @Test
    void commentsCarryTheirAuthorsUsernameAndRole() {
        Api.Session reader = api.newUser();
        Api.Session moderator = api.newModerator();
        String thread = api.newThread();
        api.postComment(thread, reader.token(), "a reader's comment", null).expectStatus(201);
        Map<String, Object> posted = api.postComment(thread, moderator.token(), "a moderator's comment", null)
                .expectStatus(201).json();
        assertThat(posted.get("author")).isEqualTo(Map.of("username", moderator.username(),
                "displayName", moderator.username(), "role", "MODERATOR"));

        List<Map<String, Object>> read = api.readAll(thread, "oldest", 10);
        assertThat(read).extracting(c -> c.get("author")).containsExactly(
                Map.of("username", reader.username(), "displayName", reader.username(), "role", "USER"),
                Map.of("username", moderator.username(), "displayName", moderator.username(), "role", "MODERATOR"));
    }

    @Test
    void anotherCaseOfAnotherAccountsUsernameIsRefusedAtRegistrationAndOnPatch() {
        // usernames with an "i" or "l", where a username's skeleton tells capital "I" from "i"
        String lower = "ilia" + tail();
        register(lower, null).expectStatus(201);
        String capitalised = "Lili" + tail();
        register(capitalised, null).expectStatus(201);
        String upper = "ILKA" + tail().toUpperCase(Locale.ROOT);
        register(upper, null).expectStatus(201);
        Api.Session reader = api.newUser();
        String before = db.snapshot();
        for (String copy : List.of(lower.toUpperCase(Locale.ROOT), capitalise(lower), capitalised.toUpperCase(Locale.ROOT),
                capitalised.toLowerCase(Locale.ROOT), upper.toLowerCase(Locale.ROOT), capitalise(upper))) {
            assertRefused(register(Api.uniqueName("r"), copy), "display-name-taken", "registration as " + copy);
            assertRefused(api.call(c -> c.changeProfile(null)).token(reader.token()).body(Map.of("displayName", copy)).send(), "display-name-taken",
                    "PATCH /me to " + copy);
        }
        assertThat(db.snapshot()).as("nothing stored").isEqualTo(before);
    }

    private static String capitalise(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    private Response register(String username, String displayName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", Api.PASSWORD);
        if (displayName != null) {
            body.put("displayName", displayName);
        }
        return api.call(c -> c.register(null)).body(body).send();
    }

    private static void assertRefused(Response response, String type, String what) {
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(422);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.<String>path("type")).as(what).endsWith("/" + type);
    }

    private static String tail() {
        StringBuilder tail = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            tail.append(LETTERS.charAt(ThreadLocalRandom.current().nextInt(LETTERS.length())));
        }
        return tail.toString();
    }
}

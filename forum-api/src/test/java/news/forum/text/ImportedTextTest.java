package news.forum.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Imported HTML becomes the engine's safe HTML, with its plain text for search and rules. */
class ImportedTextTest {

    @Test
    void sourceSpellingsOfAllowedElementsAreKeptAndEverythingElseGoes() {
        ImportedText.Converted converted = ImportedText.convert(
                "<p>Hello <b onclick=\"alert(1)\">bold</b> <i>it</i> <s>gone</s><script>alert(2)</script>"
                        + "<img src=x onerror=alert(3)></p><p><a href=\"javascript:alert(4)\">js</a> "
                        + "<a href=\"https://news.example/a?b=1&amp;c=2\" target=\"_blank\">ok</a></p>",
                ImportedText.Format.HTML);
        assertThat(relNormalised(converted.html())).isEqualTo("<p>Hello <strong>bold</strong> <em>it</em> <del>gone</del></p>"
                + "<p>js <a href=\"https://news.example/a?b&#61;1&amp;c&#61;2\" rel=\"R\">ok</a></p>");
        assertThat(converted.text()).isEqualTo("Hello bold it gone\n\njs ok");
        for (Element element : Jsoup.parseBodyFragment(converted.html()).getAllElements()) {
            element.attributes().forEach(attribute -> assertThat(attribute.getKey()).isIn("href", "rel"));
        }
    }

    @Test
    void wordPressTextGetsItsParagraphsLineBreaksAndLinks() {
        ImportedText.Converted converted = ImportedText.convert(
                "First line\nsecond line\n\nSee https://news.example/x and write to a@news.example.\n\n\n&lt;b&gt; stays text",
                ImportedText.Format.WORDPRESS);
        assertThat(relNormalised(converted.html())).isEqualTo("<p>First line<br />second line</p>"
                + "<p>See <a href=\"https://news.example/x\" rel=\"R\">https://news.example/x</a> and "
                + "write to <a href=\"mailto:a&#64;news.example\" rel=\"R\">a&#64;news.example</a>.</p>"
                + "<p>&lt;b&gt; stays text</p>");
        assertThat(converted.text()).isEqualTo("First line\nsecond line\n\nSee https://news.example/x and write to "
                + "a@news.example.\n\n<b> stays text");
    }

    /** The policy writes rel's three words in no fixed order. */
    private static String relNormalised(String html) {
        java.util.regex.Matcher rel = java.util.regex.Pattern.compile("rel=\"([^\"]*)\"").matcher(html);
        while (rel.find()) {
            assertThat(rel.group(1).split(" ")).containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
        }
        return html.replaceAll("rel=\"[^\"]*\"", "rel=\"R\"");
    }

    @Test
    void bidiOverridesAndControlsAreRemovedAndOtherUnicodeKept() {
        ImportedText.Converted converted = ImportedText.convert(
                "<p>\u202Egnp.exe\u0007 👍🏽 اردو zé\u0301ro</p>", ImportedText.Format.HTML);
        assertThat(converted.text()).isEqualTo("gnp.exe 👍🏽 اردو zé\u0301ro");
        assertThat(ImportedText.line("  Ann\u202E\n Lee\u0000 ")).isEqualTo("Ann Lee");
    }
}

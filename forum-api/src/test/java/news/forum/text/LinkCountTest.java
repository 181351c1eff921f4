package news.forum.text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Links are counted as a reader gets them from the rendered comment. */
class LinkCountTest {

    private static final Pattern LINK = Pattern.compile("<a href=\"[^\"]");
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void explicitReferenceAndAutolinkedLinksCount() {
        assertThat(markdown.countLinks("[one](https://one.example)")).isEqualTo(1);
        assertThat(markdown.countLinks("https://one.example and http://two.example/path?q=1")).isEqualTo(2);
        assertThat(markdown.countLinks("www.one.example")).isEqualTo(1);
        assertThat(markdown.countLinks("<https://one.example> and <mail@two.example>")).isEqualTo(2);
        assertThat(markdown.countLinks("write to someone@example.org")).isEqualTo(1);
        assertThat(markdown.countLinks("[one][ref] and [ref]\n\n[ref]: https://one.example")).isEqualTo(2);
        assertThat(markdown.countLinks("[relative](/elsewhere)")).isEqualTo(1);
    }

    @Test
    void whatReadersDoNotGetAsALinkDoesNotCount() {
        assertThat(markdown.countLinks("plain words, nothing else")).isZero();
        assertThat(markdown.countLinks("`https://in.code.example`")).isZero();
        assertThat(markdown.countLinks("    https://in.a.code.block.example")).isZero();
        assertThat(markdown.countLinks("[bad](javascript:alert(1))")).isZero();
        assertThat(markdown.countLinks("[nowhere]()")).isZero();
        assertThat(markdown.countLinks("![an image](https://image.example/x.png)")).isZero();
        assertThat(markdown.countLinks("<a href=\"https://raw.example\">raw html</a>")).isZero();
        assertThat(markdown.countLinks("time: 10:30, ratio 3:1")).isZero();
    }

    /** The shortcut for text that cannot hold a link never skips one. */
    @Property(tries = 2000)
    void theCountIsTheNumberOfLinkElementsRendered(
            @ForAll @StringLength(max = 60) @Chars({'a', 'w', '.', ':', '/', '[', ']', '(', ')', '<', '>', '@', ' ',
                    'h', 't', 'p', 's', 'x', '\n', '`', '!', 'W'}) String text) {
        assertThat(markdown.countLinks(text)).as(text)
                .isEqualTo((int) LINK.matcher(markdown.render(text)).results().count());
    }
}

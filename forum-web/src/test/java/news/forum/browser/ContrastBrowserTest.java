package news.forum.browser;

import news.forum.support.Pages;
import news.forum.support.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text the widget shows meets WCAG AA contrast (4.5:1, or 3:1 for large text), in light and dark. */
class ContrastBrowserTest extends BrowserTest {

    /**
     * For each element holding visible text: its colour against the first opaque background behind it,
     * as the WCAG 2 relative-luminance ratio. Returns the failures, described.
     */
    private static final String FAILURES = """
            function channel(c) { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }
            function parse(color) { var m = color.match(/[\\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; }
            function luminance(c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }
            function background(el) {
              for (var e = el; e; e = e.parentElement) {
                var c = parse(getComputedStyle(e).backgroundColor);
                if (c.a > 0.5) { return c; }
              }
              return { r: 255, g: 255, b: 255, a: 1 };
            }
            var failures = [];
            document.querySelectorAll('body *').forEach(function (el) {
              var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
              if (!own && !(el.matches('input, textarea, select, button'))) { return; }
              var style = getComputedStyle(el);
              if (style.visibility === 'hidden' || style.display === 'none' || el.getClientRects().length === 0) { return; }
              var fg = parse(style.color), bg = background(el);
              var l1 = luminance(fg), l2 = luminance(bg);
              var ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
              var size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
              var needed = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
              if (ratio < needed) {
                failures.push(el.tagName + '.' + el.className + ' "' + (el.textContent || el.value || '').trim().slice(0, 30)
                  + '" ' + style.color + ' on ' + JSON.stringify(bg) + ' = ' + ratio.toFixed(2));
              }
            });
            return failures;
            """;

    @Test
    void theWidgetMeetsWcagAaContrastInLightAndDark() {
        for (String scheme : List.of("light", "dark")) {
            try (Browser browser = new Browser()) {
                browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                browser.open(demoPage("try-the-embed"));
                browser.enterWidget();
                // the check itself catches a pale grey on the page's own background
                browser.script("var probe = document.createElement('span'); probe.id = 'probe'; probe.textContent = 'pale probe';"
                        + "probe.style.color = getComputedStyle(document.body).backgroundColor.replace(')', ', 0.35)')"
                        + ".replace('rgb(', 'rgba('); document.body.appendChild(probe);");
                assertThat((List<?>) browser.script(FAILURES)).as("the probe is caught").hasSize(1)
                        .first().asString().contains("pale probe");
                browser.script("document.getElementById('probe').remove();");
                assertThat((List<?>) browser.script(FAILURES)).as(scheme + ", signed out").isEmpty();

                browser.logIn(READER, demoPassword(READER));
                assertThat((List<?>) browser.script(FAILURES)).as(scheme + ", signed in").isEmpty();

                browser.open(forum() + Pages.seedArticle());
                browser.enterWidget();
                assertThat((List<?>) browser.script(FAILURES)).as(scheme + ", the locked seed thread").isEmpty();
            }
        }
    }

    @Test
    void theModeratorConsoleMeetsWcagAaContrastInLightAndDark() {
        String key = unique("contrast-console-");
        String thread = article(key, demoPage(key));
        String flagged = post(token(READER, demoPassword(READER)), thread, "A comment somebody reported", null);
        flag(token(OTHER_READER, demoPassword(OTHER_READER)), flagged, "off_topic", "Not about the article");
        moderateThread(thread, "all", 30);
        post(token("imran", demoPassword("imran")), thread, "A comment held for review", null);

        for (String scheme : List.of("light", "dark")) {
            try (Browser browser = new Browser()) {
                browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                browser.open(forum() + Pages.console());
                browser.field("Username").sendKeys(READER);
                browser.field("Password").sendKeys("not the password at all");
                browser.button("Log in").click();
                browser.waitVisible(By.id("sign-in-error"));
                assertThat((List<?>) browser.script(FAILURES)).as(scheme + ", signing in, with an error").isEmpty();

                browser.field("Password").clear();
                browser.field("Password").sendKeys(demoPassword(READER));
                browser.button("Log in").click();
                browser.waitVisible(By.id("console-refused"));
                assertThat((List<?>) browser.script(FAILURES)).as(scheme + ", a reader refused").isEmpty();

                browser.button("Log out").click();
                browser.field("Username").sendKeys(Api.ADMIN);
                browser.field("Password").sendKeys(Api.ADMIN_PASSWORD);
                browser.button("Log in").click();
                browser.waitFor(d -> d.findElements(By.cssSelector("#pending .queue-item")).isEmpty() ? null : true);
                browser.waitFor(d -> d.findElements(By.cssSelector("#flagged .queue-item")).isEmpty() ? null : true);
                browser.field("Article key").sendKeys(key);
                browser.button("Find").click();
                browser.waitVisible(By.id("thread-details"));
                browser.button("Ban").click();
                browser.waitFor(d -> d.findElement(By.id("ban-result")).getText().isBlank() ? null : true);
                assertThat((List<?>) browser.script(FAILURES)).as(scheme + ", an administrator at work").isEmpty();
                if (scheme.equals("light")) {
                    browser.script("window.scrollTo(0, 0)");
                    browser.screenshot("console");
                }
            }
        }
    }
}

package news.forum.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Debian's headless Chromium driven through the system chromedriver, with a fresh profile: one browser context.
 * Nothing is downloaded; a machine without chromium fails the suite instead of skipping it.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(50);
    /**
     * Finding a control by its text in one script, rather than asking the driver for every element's text one call at
     * a time: a page of a hundred comments would otherwise cost a hundred round trips per look.
     */
    private static final String VISIBLE = """
            const visible = e => { const s = getComputedStyle(e);
                return s.visibility !== 'hidden' && s.display !== 'none' && e.getClientRects().length > 0; };
            """;

    final ChromeDriver driver;
    private final Path profile;

    Browser() {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            Files.createDirectories(Path.of("target"));
            profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
    }

    void open(String url) {
        driver.switchTo().defaultContent();
        driver.get(url);
    }

    /** Enters the widget's iframe once it shows the thread (or its message). */
    void enterWidget() {
        driver.switchTo().defaultContent();
        WebElement frame = waitFor(d -> d.findElement(By.cssSelector("[data-forum-article] iframe")));
        driver.switchTo().frame(frame);
        waitFor(d -> "false".equals(d.findElement(By.id("forum")).getAttribute("aria-busy")) ? true : null);
    }

    void reloadAndEnterWidget() {
        driver.switchTo().defaultContent();
        driver.navigate().refresh();
        enterWidget();
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return waiting().ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }

    WebElement waitVisible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Up to the patience, looking again every 50 ms (Selenium's default half second is mostly spent idle). */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.pollingEvery(POLL);
        return wait;
    }

    WebElement button(String name) {
        return waitFor(d -> (WebElement) script(VISIBLE + """
                return Array.from(document.getElementsByTagName('button'))
                    .find(b => visible(b) && b.innerText.trim() === arguments[0]) || null;""", name));
    }

    @SuppressWarnings("unchecked")
    List<WebElement> buttons(String name) {
        return (List<WebElement>) script(VISIBLE + """
                return Array.from(document.getElementsByTagName('button'))
                    .filter(b => visible(b) && b.innerText.trim() === arguments[0]);""", name);
    }

    /** The comment's list item, found by a piece of its text. */
    WebElement comment(String text) {
        return waitFor(d -> (WebElement) script("""
                return Array.from(document.querySelectorAll('li.comment')).find(li => {
                    const body = li.querySelector(':scope > article .comment-body');
                    return body && body.innerText.includes(arguments[0]);
                }) || null;""", text));
    }

    /** The text of every element the selector finds, read in one script. */
    @SuppressWarnings("unchecked")
    List<String> texts(String selector) {
        return (List<String>) script("return Array.from(document.querySelectorAll(arguments[0])).map(e => e.innerText);",
                selector);
    }

    WebElement field(String label) {
        return waitFor(d -> (WebElement) script(VISIBLE + """
                const label = Array.from(document.getElementsByTagName('label'))
                    .find(l => visible(l) && l.innerText.trim() === arguments[0]);
                return label ? document.getElementById(label.htmlFor) : null;""", label));
    }

    void logIn(String username, String password) {
        button("Log in").click();
        field("Username").sendKeys(username);
        field("Password").sendKeys(password);
        driver.findElement(By.cssSelector("form.auth button[type=submit]")).click();
        waitFor(d -> d.findElement(By.cssSelector(".session .signed-in")));
    }

    /** Presses Tab until the focused element is the wanted one, and checks that its focus is visible. */
    void tabTo(Predicate<WebElement> wanted) {
        for (int i = 0; i < 80; i++) {
            press(Keys.TAB);
            WebElement element = active();
            if (wanted.test(element)) {
                Object visible = script("var s = getComputedStyle(arguments[0]);"
                        + " return s.outlineStyle !== 'none' && s.outlineWidth !== '0px'", element);
                if (!Boolean.TRUE.equals(visible)) {
                    throw new AssertionError("No visible focus indicator on " + element.getTagName() + " " + element.getText());
                }
                return;
            }
        }
        throw new AssertionError("Tab never reached the wanted control");
    }

    WebElement active() {
        return driver.switchTo().activeElement();
    }

    void press(Keys key) {
        new Actions(driver).sendKeys(key).perform();
    }

    void type(String text) {
        new Actions(driver).sendKeys(text).perform();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The whole page, top to bottom, as a PNG under target/screenshots; returns its path. */
    Path screenshot(String name) {
        driver.switchTo().defaultContent();
        long height = (Long) script("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 40, 8000)));
        try {
            Thread.sleep(500);
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

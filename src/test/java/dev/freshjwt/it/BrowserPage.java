package dev.freshjwt.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo page in headless Chromium, driven by Selenium: Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}, named explicitly so that Selenium Manager never runs and nothing is downloaded.
 * Every wait is explicit; each {@link #step} ends with a screenshot in the artifact folder, and the browser's
 * console is collected there too ({@code console.log}).
 */
final class BrowserPage implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;
    private final Path artifacts;
    private final List<LogEntry> console = new ArrayList<>();
    private int steps;

    /** A call as the page lists it. */
    record Call(String method, String path, int status, String text) {
    }

    private BrowserPage(ChromeDriver driver, Path profile, Path artifacts) {
        this.driver = driver;
        this.profile = profile;
        this.artifacts = artifacts;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /** Starts a fresh browser (its own new profile) showing {@code page}; artifacts go to {@code artifacts}. */
    static BrowserPage open(URI page, Path artifacts) throws IOException {
        Files.createDirectories(artifacts);
        try (Stream<Path> old = Files.list(artifacts)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Path profile = Files.createTempDirectory("freshjwt-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1100", "--lang=en-US");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .withLogFile(artifacts.resolve("chromedriver.log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        BrowserPage browser = new BrowserPage(driver, profile, artifacts);
        driver.get(page.toString());
        browser.awaitIdle();
        return browser;
    }

    /** Runs one step of a scenario, then saves a screenshot {@code NN-name.png} (also when the step failed). */
    void step(String name, Runnable actions) {
        steps++;
        String file = String.format("%02d-%s", steps, name);
        try {
            actions.run();
        } catch (RuntimeException | AssertionError e) {
            screenshot(file + "-FAILED");
            throw e;
        }
        screenshot(file);
    }

    void type(String id, String text) {
        WebElement field = element(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks once the page is idle (a button does nothing while a request of the page runs). */
    void click(String id) {
        awaitIdle();
        element(id).click();
    }

    /** Clicks {@code buttonId} and waits for the page to list its call of {@code path}, and to settle. */
    Call call(String buttonId, String path) {
        int before = callCount();
        click(buttonId);
        Call call = awaitCall(before, path);
        awaitIdle();
        return call;
    }

    int callCount() {
        return ((Number) script("return document.querySelectorAll('#result > li').length")).intValue();
    }

    /** The oldest call of {@code path} listed after the first {@code before} ones. */
    Call awaitCall(int before, String path) {
        List<?> found = wait.withMessage(() -> "no call of " + path + " listed after call " + before + ": " + text("result"))
                .until(d -> (List<?>) script("""
                        const item = [...document.querySelectorAll('#result > li')].reverse()
                            .find((li) => Number(li.dataset.seq) > arguments[0] && li.dataset.path === arguments[1]);
                        return item ? [item.dataset.method, item.dataset.status, item.querySelector('.call-summary').textContent] : null;""",
                        before, path));
        return new Call((String) found.get(0), path, Integer.parseInt((String) found.get(1)), (String) found.get(2));
    }

    /** Waits until no request of the page runs, then returns its state: loading, anonymous, fresh, not-fresh. */
    String awaitIdle() {
        wait.withMessage(() -> "the page stays busy").until(d -> "false".equals(element("app").getDomAttribute("aria-busy")));
        return element("app").getDomAttribute("data-state");
    }

    void awaitState(String state) {
        wait.withMessage(() -> "the page never shows the state " + state + ", but " + element("app").getDomAttribute("data-state"))
                .until(d -> state.equals(element("app").getDomAttribute("data-state"))
                        && "false".equals(element("app").getDomAttribute("aria-busy")));
    }

    void awaitDialog(boolean open) {
        awaitDialog("step-up-dialog", open);
    }

    void awaitDialog(String id, boolean open) {
        wait.withMessage(() -> "#" + id + " is " + (open ? "not open" : "still open"))
                .until(d -> (element(id).getDomAttribute("open") != null) == open);
    }

    void awaitText(String id, String text) {
        wait.withMessage(() -> "#" + id + " never shows " + text + ": " + text(id))
                .until(d -> element(id).isDisplayed() && text(id).contains(text));
    }

    /** The id of the element that has the keyboard focus. */
    String focused() {
        return (String) script("return document.activeElement ? document.activeElement.id : ''");
    }

    /** Waits until the console has received an entry {@code test} accepts. */
    void awaitConsole(String what, Predicate<LogEntry> test) {
        wait.withMessage(() -> "the console never shows " + what).until(d -> console().stream().anyMatch(test));
    }

    /** Waits until the text of {@code #id} is no longer {@code old}. */
    void awaitChange(String id, String old) {
        wait.withMessage(() -> "#" + id + " stays " + old).until(d -> !old.equals(text(id)));
    }

    /**
     * Shows the page in a viewport of this size, as a narrow screen would (CDP {@code Emulation.setDeviceMetricsOverride}:
     * a desktop window may not shrink that far); {@link #resetViewport} ends it.
     */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        wait.withMessage(() -> "the viewport never became " + width + " wide")
                .until(d -> ((Number) script("return window.innerWidth")).intValue() == width);
    }

    void resetViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Whether the page is wider than the window: the user would have to scroll sideways. */
    boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    /** Whether all of {@code #id} lies within the window, without scrolling. */
    boolean inViewport(String id) {
        return (Boolean) script("""
                const box = arguments[0].getBoundingClientRect();
                return box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;""",
                element(id));
    }

    boolean visible(String id) {
        return element(id).isDisplayed();
    }

    String text(String id) {
        return element(id).getText();
    }

    String value(String id) {
        return element(id).getDomProperty("value");
    }

    WebElement element(String id) {
        return driver.findElement(By.id(id));
    }

    /** Sets a Secure, SameSite=Strict cookie for this page's host and {@code path}, as the server could have. */
    void plantCookie(String name, String value, String path, boolean httpOnly) {
        driver.manage().addCookie(new Cookie.Builder(name, value).path(path).isSecure(true).isHttpOnly(httpOnly)
                .sameSite("Strict").build());
    }

    /** Loads the page again and waits until it has read the session. */
    String reload() {
        driver.navigate().refresh();
        return awaitIdle();
    }

    /** What the page's own scripts see of the cookies. */
    String documentCookie() {
        return (String) script("return document.cookie");
    }

    /**
     * Every cookie the browser holds, whatever its path and HttpOnly flag (CDP {@code Storage.getCookies}, through
     * chromedriver): name, value, path, httpOnly, secure, sameSite, …
     */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cookieJar() {
        return (List<Map<String, Object>>) driver.executeCdpCommand("Storage.getCookies", Map.of()).get("cookies");
    }

    /** Everything the browser's console received so far (also written to {@code console.log}). */
    List<LogEntry> console() {
        List<LogEntry> fresh = driver.manage().logs().get(LogType.BROWSER).getAll();
        console.addAll(fresh);
        StringBuilder lines = new StringBuilder();
        fresh.forEach(entry -> lines.append(entry).append('\n'));
        try {
            Files.writeString(artifacts.resolve("console.log"), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(console);
    }

    /** The browser itself: for pages of other sites the page sends it to (an OpenID provider's login). */
    ChromeDriver driver() {
        return driver;
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    private void screenshot(String name) {
        try {
            Files.write(artifacts.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            console();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}

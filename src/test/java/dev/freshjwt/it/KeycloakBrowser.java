package dev.freshjwt.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A user's browser at Keycloak's login pages: headless Chromium (Debian's {@code /usr/bin/chromium} and
 * {@code chromedriver}, as {@link BrowserIT}'s), with a profile of its own, so one instance is one single-sign-on
 * session. {@link #authorize} runs the authorization-code flow with PKCE as the demo's backend would: it sends the
 * browser to the authorization endpoint, types the password and the authenticator code into the forms Keycloak shows,
 * catches the redirect on a loopback port of its own, and exchanges the code at the token endpoint. Screenshots of
 * failed steps go to the artifact folder.
 */
final class KeycloakBrowser implements AutoCloseable {

    /** The login forms Keycloak can show: the password (level 1) and the authenticator code (level 2). */
    static final String PASSWORD_FORM = "password";
    static final String CODE_FORM = "code";

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakRealm realm;
    private final ChromeDriver driver;
    private final HttpServer catcher;
    private final LinkedBlockingQueue<String> redirects = new LinkedBlockingQueue<>();
    private final Path profile;
    private final Path artifacts;
    private int logins;

    /** What one authorization request gave: the tokens, and the forms Keycloak showed on the way, in order. */
    record Login(KeycloakRealm.Tokens tokens, List<String> forms) {
    }

    private KeycloakBrowser(KeycloakRealm realm, ChromeDriver driver, HttpServer catcher, Path profile, Path artifacts) {
        this.realm = realm;
        this.driver = driver;
        this.catcher = catcher;
        this.profile = profile;
        this.artifacts = artifacts;
    }

    /** A new browser, with an empty profile: no session at Keycloak yet. */
    static KeycloakBrowser open(KeycloakRealm realm, Path artifacts) throws IOException {
        Files.createDirectories(artifacts);
        HttpServer catcher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Path profile = Files.createTempDirectory("freshjwt-keycloak-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserPage.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserPage.CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        KeycloakBrowser browser = new KeycloakBrowser(realm, new ChromeDriver(service, options), catcher, profile, artifacts);
        catcher.createContext("/", browser::redirected);
        catcher.start();
        return browser;
    }

    /** Where Keycloak sends the browser back with the code: a path of the catcher on a free loopback port. */
    String redirectUri() {
        return "http://127.0.0.1:" + catcher.getAddress().getPort() + "/callback";
    }

    /**
     * Sends the browser to the authorization endpoint with {@code parameters} besides the flow's own (for example
     * {@code max_age} and {@code acr_values} from a step-up challenge), answers each form Keycloak shows (the
     * password; the authenticator code, computed from the user's secret), and exchanges the code for tokens.
     */
    Login authorize(Map<String, String> parameters) {
        logins++;
        String state = random();
        String verifier = random() + random();
        Map<String, String> query = new LinkedHashMap<>(Map.of("client_id", realm.clientId(), "response_type", "code",
                "scope", "openid", "redirect_uri", redirectUri(), "state", state, "code_challenge", challenge(verifier),
                "code_challenge_method", "S256"));
        query.putAll(parameters);
        redirects.clear();
        driver.get(realm.authorizationEndpoint() + "?" + KeycloakRealm.form(query));
        List<String> forms = new ArrayList<>();
        String redirect;
        try {
            while ((redirect = awaitRedirectOrForm()) == null) {
                forms.add(answerForm());
            }
        } catch (RuntimeException | AssertionError e) {
            screenshot(String.format("%02d-login-FAILED", logins));
            throw e;
        }
        Map<String, String> answer = parse(redirect);
        if (answer.containsKey("error") || !state.equals(answer.get("state"))) {
            throw new AssertionError("Keycloak redirected back with " + answer);
        }
        return new Login(realm.exchange(answer.get("code"), redirectUri(), verifier), List.copyOf(forms));
    }

    /** The query of the redirect to the catcher once it came, or {@code null} once a login form shows instead. */
    private String awaitRedirectOrForm() {
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "neither a login form nor the redirect: " + driver.getCurrentUrl() + " " + pageText())
                .until(d -> !redirects.isEmpty() || shown(d, "password") || shown(d, "otp"));
        return redirects.poll();
    }

    /** Fills in the form shown and submits it; returns which it was. */
    private String answerForm() {
        return answerForm(driver, realm);
    }

    /**
     * In a browser an application sent to Keycloak's authorization endpoint (the demo page's sign-in, through its
     * backend): answers each login form Keycloak shows until {@code back} holds (the browser is back at the
     * application); returns the forms, in order ({@link #PASSWORD_FORM}, {@link #CODE_FORM}).
     */
    static List<String> signIn(WebDriver driver, KeycloakRealm realm, Predicate<WebDriver> back) {
        List<String> forms = new ArrayList<>();
        while (true) {
            new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
                    .withMessage(() -> "neither a login form nor back at the application: " + driver.getCurrentUrl())
                    .until(d -> back.test(d) || shown(d, "password") || shown(d, "otp"));
            if (back.test(driver)) {
                return forms;
            }
            forms.add(answerForm(driver, realm));
        }
    }

    private static String answerForm(WebDriver driver, KeycloakRealm realm) {
        String form;
        if (shown(driver, "otp")) {
            form = CODE_FORM;
            type(driver, "otp", AuthenticatorApp.code(realm.otpKey(), AuthenticatorApp.currentStep()));
        } else {
            form = PASSWORD_FORM;
            if (shown(driver, "username")) { // a re-authentication (max_age, prompt=login) knows the user already
                type(driver, "username", realm.username());
            }
            type(driver, "password", realm.password());
        }
        WebElement submit = driver.findElement(By.id("kc-login"));
        submit.click();
        new WebDriverWait(driver, PATIENCE).withMessage(() -> "the " + form + " form stays: " + driver.getCurrentUrl())
                .until(d -> gone(submit));
        return form;
    }

    /**
     * Whether the page that held {@code element} is gone. Chromium says so with a {@link StaleElementReferenceException}
     * or, when the check meets the new document half-built, with "Node with given id does not belong to the document"
     * (which Selenium's {@code stalenessOf} does not take for staleness).
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static void type(WebDriver driver, String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static boolean shown(WebDriver driver, String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    private String pageText() {
        List<WebElement> body = driver.findElements(By.tagName("body"));
        return body.isEmpty() ? "" : body.get(0).getText().replaceAll("\\s+", " ");
    }

    /** The catcher: the query of {@code /callback}; anything else (Chromium asks for {@code /favicon.ico}) a 404. */
    private void redirected(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean callback = "/callback".equals(exchange.getRequestURI().getPath());
            if (callback) {
                redirects.add(exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
            }
            byte[] body = (callback ? "Signed in: back at the application" : "Not found").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=UTF-8");
            exchange.sendResponseHeaders(callback ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RFC 7636 S256: the base64url SHA-256 of the verifier. */
    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void screenshot(String name) {
        try {
            Files.write(artifacts.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // the failure being reported matters more than its picture
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            catcher.stop(0);
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (UncheckedIOException e) {
                // Chromium may still be writing its profile while it quits
            }
        }
    }
}

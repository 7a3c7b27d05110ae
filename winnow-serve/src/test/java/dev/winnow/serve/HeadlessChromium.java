package dev.winnow.serve;

import dev.winnow.testsupport.TestEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven headless through chromium-driver, on a viewer started by the test: the
 * browser tests' one way to open pages and wait for them. A fixed window and scale factor keep
 * pixel positions the same on every machine.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver browser;
    private final int port;

    private HeadlessChromium(WebDriver browser, int port) {
        this.browser = browser;
        this.port = port;
    }

    /**
     * A browser for the viewer on {@code port}; where chromium is missing the test fails under CI and is skipped
     * elsewhere.
     */
    static HeadlessChromium start(int port) {
        return start(port, 1000);
    }

    /** Like {@link #start(int)}, in a window {@code height} pixels high (1280 wide), without scroll bars. */
    static HeadlessChromium start(int port, int height) {
        TestEnvironment.require(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--window-size=1280," + height,
                "--hide-scrollbars",
                "--disable-dev-shm-usage",
                "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options), port);
    }

    WebDriver driver() {
        return browser;
    }

    /** Opens {@code path} (with its query) on the viewer. */
    void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @Override
    public void close() {
        browser.quit();
    }
}

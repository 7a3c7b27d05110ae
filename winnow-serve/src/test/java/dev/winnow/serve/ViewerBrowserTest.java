package dev.winnow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.Progress;
import dev.winnow.testsupport.TestEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages in a real browser (Debian's chromium, headless): grid, slider, lasso, tags, sample page. */
class ViewerBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path temp;

    static Path data;
    static ViewerServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        TestEnvironment.require(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        data = SmallDatasource.write(temp);
        Datasource location = Locations.open(data.toString());
        server = ViewerServer.start(Viewer.open(location, location, true, 2, Progress.NONE, d -> {}), "127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--window-size=1280,1000",
                "--disable-dev-shm-usage",
                "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void open(String path) {
        browser.get("http://127.0.0.1:" + server.port() + path);
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private static void waitForTotal(String total) {
        waiting().until(d -> total.equals(d.findElement(By.id("count")).getDomAttribute("data-total")));
    }

    @Test
    void theGridShowsTheFilteredSamplesWithTheirBoxes() {
        open("/?task=det&class=dog");
        waitForTotal("2");
        List<WebElement> cards = browser.findElements(By.cssSelector("#grid .card"));
        assertThat(cards).extracting(c -> c.getDomAttribute("data-name")).containsExactly("a.png", "b.png");
        assertThat(browser.findElements(By.cssSelector("#grid svg rect.box"))).hasSize(3);
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("2 samples");
        assertThat(browser.findElement(By.id("legend")).getText()).contains("car 1", "dog 2");
    }

    @Test
    void aScoreSliderNarrowsTheGridAndKeepsItInTheUrl() {
        open("/?task=det");
        waitForTotal("4");
        WebElement slider = browser.findElement(By.id("scoreMin"));
        slider.click();
        slider.sendKeys(Keys.HOME);
        for (int i = 0; i < 50; i++) {
            slider.sendKeys(Keys.ARROW_RIGHT);
        }
        waitForTotal("2");
        assertThat(browser.getCurrentUrl()).contains("score=det%3A0.5%3A1");
        assertThat(browser.findElements(By.cssSelector("#grid .card")))
                .extracting(c -> c.getDomAttribute("data-name"))
                .containsExactly("a.png", "b.png");
    }

    @Test
    void aLassoOnTheMapFiltersTheGrid() {
        open("/map?run=r1");
        WebElement canvas = browser.findElement(By.id("map"));
        waiting().until(d -> d.findElements(By.cssSelector("#legend span")).size() == 2);
        // The right eighth of the map holds b.png and e.png; the canvas is 900 x 640, offsets from its centre.
        new Actions(browser)
                .moveToElement(canvas, 260, -300)
                .clickAndHold()
                .moveToElement(canvas, 445, -300)
                .moveToElement(canvas, 445, 300)
                .moveToElement(canvas, 260, 300)
                .moveToElement(canvas, 261, -299)
                .release()
                .perform();
        waiting().until(d -> "2".equals(d.findElement(By.id("chosen")).getDomAttribute("data-count")));
        browser.findElement(By.id("show")).click();
        waitForTotal("2");
        assertThat(browser.findElements(By.cssSelector("#grid .card")))
                .extracting(c -> c.getDomAttribute("data-name"))
                .containsExactly("b.png", "e.png");
        assertThat(browser.findElement(By.id("lasso")).getText()).isEqualTo("Lasso on the map of run r1");
    }

    @Test
    void theCurrentFilterIsTaggedAndExported() throws Exception {
        open("/?task=det&class=car");
        waitForTotal("2");
        WebElement name = browser.findElement(By.id("tagName"));
        name.clear();
        name.sendKeys("cars");
        browser.findElement(By.id("tagButton")).click();
        waiting().until(d -> d.findElement(By.id("tagResult")).getText().startsWith("Tag cars holds 2 samples."));
        assertThat(Files.readString(data.resolve(".winnow/tags/cars.txt"), StandardCharsets.UTF_8))
                .isEqualTo("a.png\nc/d.png\n");
        String href = Objects.requireNonNull(
                browser.findElement(By.cssSelector("#tagResult a.export")).getDomAttribute("href"));
        assertThat(href).isEqualTo("/api/tags/cars/export?format=relevant_filenames");
        assertThat(Http.get(server.port(), href).body()).isEqualTo("a.png\nc/d.png\n");
        open("/?tag=cars");
        waitForTotal("2");
    }

    @Test
    void theSamplePageDrawsEachBoxInItsClassColour() throws Exception {
        open("/sample?name=a.png");
        waiting().until(d -> d.findElements(By.cssSelector("#overlay rect.box")).size() == 2);
        WebElement image = browser.findElement(By.id("image"));
        waiting()
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
        BufferedImage shot = ImageIO.read(
                new ByteArrayInputStream(browser.findElement(By.id("picture")).getScreenshotAs(OutputType.BYTES)));
        double scale = shot.getWidth() / 64.0;
        // a.png is blue; the car box [4, 4, 20, 10] is drawn in the palette's first colour (#e6194b),
        // the dog box [30, 20, 10, 10] in its second (#3cb44b).
        assertThat(near(shot.getRGB((int) (4 * scale), (int) (9 * scale)), 0xe6194b))
                .isTrue();
        assertThat(near(shot.getRGB((int) (30 * scale), (int) (25 * scale)), 0x3cb44b))
                .isTrue();
        assertThat(near(shot.getRGB((int) (14 * scale), (int) (9 * scale)), 0x0000ff))
                .isTrue();
        WebElement carToggle = browser.findElements(By.cssSelector("#toggles input")).stream()
                .filter(i -> "det\u00000".equals(i.getDomAttribute("data-key")))
                .findFirst()
                .orElseThrow();
        carToggle.click();
        waiting().until(d -> d.findElements(By.cssSelector("#overlay rect.box")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#overlay rect.box")).getDomAttribute("data-class"))
                .isEqualTo("dog");
    }

    private static boolean near(int argb, int rgb) {
        int dr = Math.abs(((argb >> 16) & 0xff) - ((rgb >> 16) & 0xff));
        int dg = Math.abs(((argb >> 8) & 0xff) - ((rgb >> 8) & 0xff));
        int db = Math.abs((argb & 0xff) - (rgb & 0xff));
        return dr + dg + db < 60;
    }
}

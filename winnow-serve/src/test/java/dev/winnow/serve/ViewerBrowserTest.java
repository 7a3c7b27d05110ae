package dev.winnow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.Progress;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages in a real browser (Debian's chromium, headless): grid, slider, lasso, tags, sample page. */
class ViewerBrowserTest {
    @TempDir
    static Path temp;

    static Path data;
    static ViewerServer server;
    static HeadlessChromium chromium;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        data = SmallDatasource.write(temp);
        Datasource location = Locations.open(data.toString());
        server = ViewerServer.start(Viewer.open(location, location, true, 2, Progress.NONE, d -> {}), "127.0.0.1", 0);
        chromium = HeadlessChromium.start(server.port());
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void open(String path) {
        chromium.open(path);
    }

    private static WebDriverWait waiting() {
        return chromium.waiting();
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
    void theMapColoursItsPointsByAScore() {
        open("/map?run=r1");
        waiting().until(d -> d.findElements(By.cssSelector("#legend span")).size() == 2);
        new Select(browser.findElement(By.id("colour"))).selectByVisibleText("cls uncertainty_margin");
        waiting().until(d -> d.findElements(By.cssSelector("#legend span")).size() == 4);
        assertThat(browser.findElements(By.cssSelector("#legend span")))
                .extracting(WebElement::getText)
                .containsExactly("0.4", "0.65", "0.9", "no score");
        // Each point's colour as drawn in the canvas: a.png (0.4) the ramp's low end, c/d.png (0.9)
        // its high end, b.png (0.6) in between, e.png (no classification) grey.
        @SuppressWarnings("unchecked")
        List<List<Number>> colours = (List<List<Number>>) Objects.requireNonNull(((JavascriptExecutor) browser)
                .executeScript("const canvas = document.getElementById('map');"
                        + "const context = canvas.getContext('2d');"
                        + "return [0, 1, 2, 3].map(i => {"
                        + "  const [px, py] = toScreen(data.x[i], data.y[i], canvas);"
                        + "  return Array.from(context.getImageData(Math.round(px), Math.round(py), 1, "
                        + "1).data.slice(0, 3));"
                        + "});"));
        assertThat(colours.get(0)).containsExactly(0x30L, 0x12L, 0x3bL);
        assertThat(colours.get(1)).containsExactly(0x2bL, 0x78L, 0x8cL);
        assertThat(colours.get(2)).containsExactly(0xfdL, 0xe7L, 0x25L);
        assertThat(colours.get(3)).containsExactly(0x9aL, 0xa5L, 0xb1L);
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

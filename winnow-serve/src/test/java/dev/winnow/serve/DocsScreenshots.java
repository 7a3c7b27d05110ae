package dev.winnow.serve;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.datasource.Progress;
import dev.winnow.demo.DemoDataset;
import dev.winnow.run.RunPipeline;
import dev.winnow.run.RunRequest;
import dev.winnow.run.config.RunConfigParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Makes the README's pictures of the viewer: generates the demo's images and predictions, runs a
 * selection on them, serves them and saves the grid and the map as {@code grid.png} and
 * {@code map.png} in the folder given as the first argument (Debian's chromium, headless).
 */
public final class DocsScreenshots {
    private DocsScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        Path data = Files.createTempDirectory("winnow-screenshots-");
        DemoDataset.generate(data, 120, 320, 240, 7);
        String config = "{\"selection\": {\"n_samples\": 24, \"strategies\": ["
                + "{\"input\": {\"type\": \"EMBEDDINGS\"}, \"strategy\": {\"type\": \"DIVERSITY\"}},"
                + "{\"input\": {\"type\": \"SCORES\", \"task\": \"shapes\", \"score\": \"uncertainty_entropy\"},"
                + " \"strategy\": {\"type\": \"WEIGHTS\"}}]}, \"embeddings\": {\"model\": \"builtin\"}, \"seed\": 42}";
        Datasource location = Locations.open(data.toString());
        new RunPipeline(Clock.systemUTC(), Progress.NONE, 2)
                .run(new RunRequest(
                        location,
                        OutputLocation.guard(location, location),
                        data,
                        RunConfigParser.parse(config, "run.json", data),
                        Optional.of("first")));
        Viewer viewer = Viewer.open(location, location, false, 2, Progress.NONE, d -> {});
        try (ViewerServer server = ViewerServer.start(viewer, "127.0.0.1", 0);
                HeadlessChromium chromium = HeadlessChromium.start(server.port(), 900)) {
            WebDriver browser = chromium.driver();
            chromium.open("/?task=shapes&class=triangle&sort=shapes.uncertainty_entropy:desc");
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> d.findElements(By.cssSelector("#grid .card img")).stream()
                            .allMatch(i -> Boolean.TRUE.equals(
                                    ((JavascriptExecutor) d).executeScript("return arguments[0].complete", i))));
            Thread.sleep(1000);
            Files.write(target.resolve("grid.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            chromium.open("/map?run=first");
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> !d.findElements(By.cssSelector("#legend span")).isEmpty());
            Files.write(target.resolve("map.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }
}

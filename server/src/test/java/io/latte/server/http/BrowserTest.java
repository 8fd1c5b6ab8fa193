package io.latte.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in a real headless Chromium driven over WebDriver: type a query, pick a mode, see
 * results with the tokens matched by each query token highlighted; screenshots go to {@code
 * target/screenshots/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}; other paths via {@code -Dlatte.chromium=} and {@code
 * -Dlatte.chromedriver=}). Without them the test is skipped with a message saying so, unless
 * {@code -Dlatte.browser.required=true} or {@code LATTE_BROWSER_REQUIRED=1}, which make it fail: CI
 * sets that once it has installed them, so a missing browser can never pass silently there.
 */
class BrowserTest {
  static final Path CHROMIUM = Path.of(System.getProperty("latte.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("latte.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path tmp;
  static LatteServer server;
  static WebDriver driver;

  static boolean required() {
    return Boolean.getBoolean("latte.browser.required") || "1".equals(System.getenv("LATTE_BROWSER_REQUIRED"));
  }

  @BeforeAll
  static void start() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String missing = "browser test skipped: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed"
        + " (apt-get install chromium chromium-driver)";
    if (!present && required()) {
      throw new AssertionError(missing.replace("skipped", "required") + ", and latte.browser.required is set");
    }
    Assumptions.assumeTrue(present, missing);

    server = LatteServer.start(LatteServer.Options.defaults(TestIndexes.copyOfSample(tmp)).withPort(0));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1400",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static void screenshot(String name) throws Exception {
    byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name), png);
    assertTrue(png.length > 1000, "a real screenshot");
  }

  private static void search(String query, String mode) {
    driver.get(server.uri().toString());
    WebElement box = driver.findElement(By.id("query"));
    box.clear();
    box.sendKeys(query);
    new Select(driver.findElement(By.id("mode"))).selectByValue(mode);
    driver.findElement(By.id("search")).click();
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
      String state = d.findElement(By.tagName("body")).getDomAttribute("data-state");
      return "done".equals(state) || "error".equals(state);
    });
  }

  @Test
  void typeAQueryAndSeeHighlightedMatches() throws Exception {
    search("why does my espresso taste sour", "colbert");
    List<WebElement> hits = driver.findElements(By.cssSelector("#results li.hit"));
    assertEquals(10, hits.size(), driver.findElement(By.id("status")).getText());
    assertTrue(driver.findElement(By.id("status")).getText().contains("colbert"));
    WebElement first = hits.get(0);
    assertTrue(first.findElement(By.cssSelector("h2")).getText().toLowerCase(Locale.ROOT).contains("espresso"),
        first.getText());

    List<WebElement> marks = first.findElements(By.cssSelector("mark.match"));
    assertFalse(first.findElements(By.cssSelector("h2 mark.match")).isEmpty(), "title tokens are highlighted too");
    assertFalse(marks.isEmpty(), "matched tokens are highlighted");
    Set<String> highlighted = new java.util.TreeSet<>();
    for (WebElement m : marks) {
      highlighted.add(m.getText().toLowerCase(Locale.ROOT));
      assertFalse(m.getDomAttribute("data-query-tokens").isBlank());
      assertFalse(m.getCssValue("background-color").equals("rgba(0, 0, 0, 0)"), "coloured by query token");
    }
    assertTrue(highlighted.stream().anyMatch(t -> t.startsWith("es") || t.equals("sour") || t.equals("taste")),
        "the query's words are among the highlights: " + highlighted);
    assertTrue(driver.findElements(By.cssSelector("#legend .qtok")).size() >= 5, "one chip per query token");
    screenshot("search-page.png");

    // Hovering a query token's chip leaves only its matches highlighted.
    WebElement chip = driver.findElements(By.cssSelector("#legend .qtok:not(.special)")).get(0);
    new Actions(driver).moveToElement(chip).perform();
    String token = chip.getDomAttribute("data-query-token");
    for (WebElement m : driver.findElements(By.cssSelector("mark.match.on"))) {
      assertTrue(List.of(m.getDomAttribute("data-query-tokens").split(" ")).contains(token));
    }
    screenshot("search-page-token-focus.png");
  }

  @Test
  void modeSelectorReachesTheServer() throws Exception {
    search("lighthouse keeper lamp", "bm25");
    List<WebElement> hits = driver.findElements(By.cssSelector("#results li.hit"));
    assertFalse(hits.isEmpty());
    assertTrue(driver.findElement(By.id("status")).getText().contains("bm25"));
    assertTrue(hits.get(0).getText().toLowerCase(Locale.ROOT).contains("lighthouse"), hits.get(0).getText());
    screenshot("search-page-bm25.png");
  }

  /** A shared URL runs its search on load, without typing; back and forward move between searches. */
  @Test
  void theUrlCarriesTheSearchAndHistoryWorks() throws Exception {
    String shared = server.uri().resolve("/?q=lighthouse+keeper+lamp&mode=bm25&filter="
        + java.net.URLEncoder.encode("year:[* TO 2015]", java.nio.charset.StandardCharsets.UTF_8)).toString();
    driver.get(shared);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    wait.until(d -> "done".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
    List<WebElement> hits = driver.findElements(By.cssSelector("#results li.hit"));
    assertFalse(hits.isEmpty(), driver.findElement(By.id("status")).getText());
    assertTrue(driver.findElement(By.id("status")).getText().contains("bm25"));
    assertTrue(hits.get(0).getText().toLowerCase(Locale.ROOT).contains("lighthouse"), hits.get(0).getText());
    assertEquals("lighthouse keeper lamp", driver.findElement(By.id("query")).getDomProperty("value"));
    assertEquals("bm25", new Select(driver.findElement(By.id("mode"))).getFirstSelectedOption().getDomAttribute("value"));
    assertEquals("year:[* TO 2015]", driver.findElement(By.id("filter")).getDomProperty("value"));
    screenshot("search-page-shared-url.png");

    // A second search from the form goes into the URL ...
    WebElement box = driver.findElement(By.id("query"));
    box.clear();
    box.sendKeys("sourdough starter");
    driver.findElement(By.id("search")).click();
    wait.until(d -> d.getCurrentUrl().contains("q=sourdough+starter") && "done".equals(
        d.findElement(By.tagName("body")).getDomAttribute("data-state"))
        && d.findElement(By.cssSelector("#results li.hit")).getText().toLowerCase(Locale.ROOT).contains("sourdough"));
    assertTrue(driver.getCurrentUrl().contains("mode=bm25"), driver.getCurrentUrl());
    // ... and back returns to the shared search, results included; forward to the second one.
    driver.navigate().back();
    wait.until(d -> "lighthouse keeper lamp".equals(d.findElement(By.id("query")).getDomProperty("value"))
        && "done".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state"))
        && d.findElement(By.cssSelector("#results li.hit")).getText().toLowerCase(Locale.ROOT).contains("lighthouse"));
    driver.navigate().forward();
    wait.until(d -> "sourdough starter".equals(d.findElement(By.id("query")).getDomProperty("value"))
        && d.findElement(By.cssSelector("#results li.hit")).getText().toLowerCase(Locale.ROOT).contains("sourdough"));
  }

  @Test
  void anInvalidQueryShowsTheApiError() throws Exception {
    search("   ", "xtr");
    WebElement error = driver.findElement(By.id("error"));
    assertTrue(error.isDisplayed());
    assertTrue(error.getText().startsWith("query_empty"), error.getText());
    assertTrue(driver.findElements(By.cssSelector("#results li.hit")).isEmpty());
    screenshot("search-page-error.png");
  }
}

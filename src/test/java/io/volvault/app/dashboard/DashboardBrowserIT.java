package io.volvault.app.dashboard;

import static io.volvault.app.dashboard.ExercisedDeployment.ALICE;
import static io.volvault.app.dashboard.ExercisedDeployment.OWNER;
import static io.volvault.app.dashboard.ExercisedDeployment.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.app.keeper.VaultKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in Debian's headless Chromium (installed by scripts/lib/chromium.sh; Selenium uses
 * /usr/bin/chromedriver and downloads nothing): after deposits, a roll and a settlement it shows
 * the chain's share price and TVL, an address's position, and a drawn chart. Saves a screenshot,
 * dashboard-screenshot.png, in the build directory (the parent of test-classes).
 */
class DashboardBrowserIT {

    @TempDir
    Path dir;

    @Test
    void pageShowsTheChainsNumbersAndAnAccount() throws Exception {
        ExercisedDeployment chain = ExercisedDeployment.deploy(dir);
        chain.fundAndRequestDeposits();
        chain.rollAndSell();
        chain.settleAndRollAgain();
        try (Dashboard dashboard = Dashboard.open(System.getProperty("volvault.rpc"), chain.deployment,
                 dir.resolve("index"), 0.4, KeeperNotes.NONE);
             DashboardServer server = dashboard.serve(0)) {
            ChromeDriver browser = headlessChromium();
            try {
                browser.get(server.url());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));

                OptionVault vault = chain.callVault(OWNER);
                String callAddress = chain.deployment.markets().get(0).vault(VaultKind.COVERED_CALL).address().toLowerCase();
                WebElement card = browser.findElement(By.cssSelector("section.vault[data-address='" + callAddress + "']"));
                assertEquals(weth(vault.totalAssets().send()) + " WETH", field(card, "tvl"));
                assertEquals(weth(vault.convertToAssets(BigInteger.TEN.pow(21)).send()) + " WETH", field(card, "share-price"));
                assertEquals("3", field(card, "round"));

                WebElement chart = card.findElement(By.cssSelector("svg.chart"));
                assertEquals("3", chart.getAttribute("data-points"), "two round closes and the live price");
                String points = card.findElement(By.cssSelector("svg.chart polyline")).getAttribute("points");
                assertEquals(3, points.trim().split(" ").length, points);
                assertTrue(chart.getSize().getHeight() > 100 && chart.getSize().getWidth() > 200, "chart is laid out");

                browser.findElement(By.id("account-address")).sendKeys(address(ALICE));
                browser.findElement(By.id("account-lookup")).click();
                WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#positions tr[data-vault='" + callAddress + "']")));
                BigInteger shares = vault.balanceOf(address(ALICE)).send();
                assertEquals(new BigDecimal(shares, 21).stripTrailingZeros().toPlainString() + " vvWETH-CC", field(row, "shares"));
                assertEquals(weth(vault.convertToAssets(shares).send()) + " WETH", field(row, "value"));

                Path shot = buildDirectory().resolve("dashboard-screenshot.png");
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);

                browser.findElement(By.id("account-address")).clear();
                browser.findElement(By.id("account-address")).sendKeys("0x1234");
                browser.findElement(By.id("account-lookup")).click();
                WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account-error")));
                assertEquals("account address must be 0x followed by 40 hex digits, was '0x1234'", error.getText());
            } finally {
                browser.quit();
            }
        } finally {
            chain.close();
        }
    }

    private static Path buildDirectory() throws Exception {
        return Path.of(DashboardBrowserIT.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }

    private static String field(WebElement scope, String name) {
        return scope.findElement(By.cssSelector("[data-field='" + name + "']")).getText();
    }

    private static String weth(BigInteger wei) {
        return new BigDecimal(wei, 18).stripTrailingZeros().toPlainString();
    }

    private ChromeDriver headlessChromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1400,2200",
            "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
        return new ChromeDriver(service, options);
    }
}

package io.volvault.app.dashboard;

import static io.volvault.app.dashboard.ExercisedDeployment.ALICE;
import static io.volvault.app.dashboard.ExercisedDeployment.OWNER;
import static io.volvault.app.dashboard.ExercisedDeployment.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.app.chain.contracts.Options;
import io.volvault.app.chain.contracts.TestToken;
import io.volvault.app.keeper.DecisionRecord;
import io.volvault.app.keeper.VaultKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The page in Debian's headless Chromium (installed by scripts/lib/chromium.sh; Selenium uses
 * /usr/bin/chromedriver and downloads nothing), after deposits, a roll and a settlement: the numbers
 * shown against the chain's, an account's cost basis and history, the CSV export, and a depositor
 * (Hardhat account #7) acting through an injected EIP-1193 provider that forwards to the Hardhat
 * node's unlocked accounts, with the chain's state asserted after each action. Screenshots at a
 * desktop and a phone width go to dashboard-screenshots/ in the build directory (the parent of
 * test-classes).
 */
class DashboardBrowserIT {

    private static final int CAROL = 7;
    private static final BigInteger E18 = BigInteger.TEN.pow(18);

    @TempDir
    Path dir;

    @Test
    void pageShowsTheChainsNumbersAndADepositorActsFromIt() throws Exception {
        ExercisedDeployment chain = ExercisedDeployment.deploy(dir);
        chain.fundAndRequestDeposits();
        chain.rollAndSell();
        chain.settleAndRollAgain();
        chain.mintWeth(CAROL, E18.multiply(BigInteger.valueOf(50)));
        String callVault = chain.deployment.markets().get(0).vault(VaultKind.COVERED_CALL).address();
        byte[] inputs = Hash.sha3("inputs of round 3".getBytes(StandardCharsets.UTF_8));
        byte[] decision = Hash.sha3("decision of round 3".getBytes(StandardCharsets.UTF_8));
        chain.recordDecision(ExercisedDeployment.KEEPER, callVault, 3, inputs, decision);
        chain.recordDecision(ExercisedDeployment.BUYER, callVault, 3, decision, inputs);
        String rpc = System.getProperty("volvault.rpc");
        try (Dashboard dashboard = Dashboard.open(rpc, chain.deployment, dir.resolve("index"), 0.4, KeeperNotes.NONE);
             DashboardServer server = dashboard.serve(0)) {
            ChromeDriver browser = headlessChromium();
            try {
                browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", provider(rpc, address(CAROL))));
                browser.get(server.url());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
                Path shots = Files.createDirectories(buildDirectory().resolve("dashboard-screenshots"));

                OptionVault vault = chain.callVault(OWNER);
                String callAddress = chain.deployment.markets().get(0).vault(VaultKind.COVERED_CALL).address().toLowerCase();
                WebElement card = card(browser, callAddress);
                assertAmount(card, "tvl", vault.totalAssets().send(), 18, "WETH");
                assertAmount(card, "share-price", vault.convertToAssets(BigInteger.TEN.pow(21)).send(), 18, "WETH");
                assertEquals("3", field(card, "round"));

                // round 2 sold calls struck at 3300 that settled at 3400: the table shows the chain's settlement and payout
                Options.Series series = Options.load(chain.deployment.markets().get(0).options(), chain.web3j,
                    new org.web3j.tx.ReadonlyTransactionManager(chain.web3j, address(OWNER)),
                    new org.web3j.tx.gas.DefaultGasProvider()).series(BigInteger.ONE).send();
                WebElement round2 = card.findElement(By.cssSelector("table.rounds tr[data-round='2']"));
                assertEquals("3,400 USD", field(round2, "settlement"));
                assertEquals(0, new BigDecimal(series.settlementPrice, 8).compareTo(new BigDecimal("3400")));
                assertAmount(round2, "payout", series.holdersPayout, 18, "WETH");
                assertEquals("call 3,300 USD", field(round2, "strike"));
                var price1 = vault.roundPrice(BigInteger.ONE).send();
                var price2 = vault.roundPrice(BigInteger.TWO).send();
                double change = new BigDecimal(price2.component3()).doubleValue() / new BigDecimal(price1.component3()).doubleValue() - 1;
                assertEquals(Readable.percent(change), field(round2, "round-return"));

                // the keeper's record is shown, the buyer's for the same round is not
                WebElement proof = card.findElement(By.cssSelector("table.proofs tr[data-round='3']"));
                assertEquals(Numeric.toHexString(inputs), proof.findElement(By.cssSelector("[data-field='inputs-hash'] code"))
                    .getAttribute("title"));
                assertEquals(Numeric.toHexString(decision), proof.findElement(By.cssSelector("[data-field='decision-hash'] code"))
                    .getAttribute("title"));
                assertEquals(1, card.findElements(By.cssSelector("table.proofs tbody tr")).size());
                assertTrue(field(card, "proofs-note").endsWith(" 1 entry by other addresses ignored."), field(card, "proofs-note"));
                String code = DecisionRecord.codeVersion().substring("classes ".length());
                assertEquals(code, card.findElement(By.cssSelector("[data-field='proofs-code'] code")).getAttribute("title"),
                    "the code version this dashboard replays with");

                WebElement value = card.findElement(By.cssSelector("svg.chart.value"));
                assertEquals("3", value.getAttribute("data-points"), "two round closes and the value now");
                assertTrue(value.getSize().getHeight() > 60 && value.getSize().getWidth() > 200, "chart is laid out");
                assertEquals("3", card.findElement(By.cssSelector("svg.chart.drawdown")).getAttribute("data-points"));

                // Alice: 10 WETH in round 1 is her cost basis; her claimed shares (a fifth queued to redeem) are worth convertToAssets now
                browser.findElement(By.id("account-address")).sendKeys(address(ALICE));
                browser.findElement(By.id("account-lookup")).click();
                WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#positions tr[data-vault='" + callAddress + "']")));
                BigInteger shares = vault.balanceOf(address(ALICE)).send();
                BigInteger queued = vault.pendingRedeemRequest(BigInteger.ZERO, address(ALICE)).send();
                assertAmount(row, "shares", shares, 21, "vvWETH-CC");
                assertAmount(row, "cost-basis", E18.multiply(BigInteger.TEN), 18, "WETH");
                assertTrue(browser.findElement(By.cssSelector("#positions caption")).getText().contains("shares sent to another"
                    + " address leave at average cost, shares received enter at the vault's share price at the block of the"
                    + " transfer"), "the page states the transfer rule");
                assertAmount(row, "unrealized-pnl", vault.convertToAssets(shares.add(queued)).send().subtract(E18.multiply(BigInteger.TEN)),
                    18, "WETH");
                WebElement deposit = browser.findElement(By.cssSelector("#history tr[data-event='DepositRequest'][data-vault='"
                    + callAddress + "']"));
                assertEquals("1", field(deposit, "round"));
                assertEquals(Readable.number(new BigDecimal(price1.component3(), 18)), field(deposit, "round-price"));
                String csv = httpGet(server.url() + "api/accounts/" + address(ALICE).toLowerCase() + "/history.csv");
                assertEquals(String.join(",", AccountCsv.COLUMNS), csv.lines().findFirst().orElseThrow());
                assertTrue(csv.contains(",DepositRequest,10,WETH,1,"
                    + Amount.of(price1.component3(), 18, "WETH").value().toPlainString() + ","), csv);
                assertEquals(5, csv.lines().count(), "a header and Alice's four activities: " + csv);

                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("desktop.png"),
                    StandardCopyOption.REPLACE_EXISTING);

                // copying a rounded amount copies its exact value
                WebElement tvl = card.findElement(By.cssSelector("[data-field='tvl'] .amount"));
                Object copied = browser.executeScript("const r = document.createRange(); r.selectNodeContents(arguments[0]);"
                    + " const s = getSelection(); s.removeAllRanges(); s.addRange(r);"
                    + " const e = new ClipboardEvent('copy', { clipboardData: new DataTransfer(), bubbles: true, cancelable: true });"
                    + " arguments[0].dispatchEvent(e); return e.clipboardData.getData('text/plain');", tvl);
                assertEquals(Amount.of(vault.totalAssets().send(), 18, "WETH").value().toPlainString(), copied);

                // every form control has a label or text; the wallet connects from the keyboard
                assertEquals(0L, browser.executeScript("return [...document.querySelectorAll('input')]"
                    + ".filter(i => i.labels.length === 0).length"));
                assertEquals(0L, browser.executeScript("return [...document.querySelectorAll('button')]"
                    + ".filter(b => b.textContent.trim() === '').length"));
                browser.findElement(By.id("connect")).sendKeys(Keys.ENTER);
                wait.until(ExpectedConditions.textToBe(By.id("wallet-account"), address(CAROL).toLowerCase()));

                TestToken weth = chain.weth(OWNER);
                String carol = address(CAROL);
                BigInteger fifty = E18.multiply(BigInteger.valueOf(50));
                act(browser, wait, callAddress, "request-deposit", "2.5");
                assertEquals(new BigInteger("2500000000000000000"), vault.pendingDepositRequest(BigInteger.ZERO, carol).send());
                assertEquals(fifty.subtract(new BigInteger("2500000000000000000")), weth.balanceOf(carol).send());
                assertEquals(BigInteger.ZERO, weth.allowance(carol, callAddress).send(), "approved exactly what was deposited");

                act(browser, wait, callAddress, "cancel-deposit", "");
                assertEquals(BigInteger.ZERO, vault.pendingDepositRequest(BigInteger.ZERO, carol).send());
                assertEquals(fifty, weth.balanceOf(carol).send());

                act(browser, wait, callAddress, "request-deposit", "1.5");
                chain.weekAt3400ThenRoll();
                BigInteger claimable = vault.maxMint(carol).send();
                assertTrue(claimable.signum() > 0);
                reloadAndConnect(browser, wait, carol);
                act(browser, wait, callAddress, "claim-shares", "");
                assertEquals(claimable, vault.balanceOf(carol).send());
                assertEquals(BigInteger.ZERO, vault.maxMint(carol).send());

                act(browser, wait, callAddress, "request-redeem", "0.5");
                BigInteger half = new BigInteger("500000000000000000000");
                assertEquals(half, vault.pendingRedeemRequest(BigInteger.ZERO, carol).send());
                assertEquals(claimable.subtract(half), vault.balanceOf(carol).send());
                act(browser, wait, callAddress, "cancel-redeem", "");
                assertEquals(BigInteger.ZERO, vault.pendingRedeemRequest(BigInteger.ZERO, carol).send());
                assertEquals(claimable, vault.balanceOf(carol).send());

                act(browser, wait, callAddress, "request-redeem", "0.5");
                chain.weekAt3400ThenRoll();
                BigInteger assets = vault.maxWithdraw(carol).send();
                assertTrue(assets.signum() > 0);
                BigInteger before = weth.balanceOf(carol).send();
                reloadAndConnect(browser, wait, carol);
                act(browser, wait, callAddress, "claim-assets", "");
                assertEquals(before.add(assets), weth.balanceOf(carol).send());
                assertEquals(BigInteger.ZERO, vault.maxWithdraw(carol).send());

                // a bad amount is refused on the page, naming the field, and sends nothing
                String lastTx = browser.findElement(By.tagName("body")).getAttribute("data-last-tx");
                WebElement form = browser.findElement(By.cssSelector("form.act[data-vault='" + callAddress + "']"));
                form.findElement(By.tagName("input")).clear();
                form.findElement(By.tagName("input")).sendKeys("1.2.3");
                form.findElement(By.cssSelector("button[data-action='request-deposit']")).click();
                wait.until(ExpectedConditions.textToBe(By.id("wallet-status"), "amount must be a positive decimal number, was '1.2.3'"));
                assertEquals(lastTx, browser.findElement(By.tagName("body")).getAttribute("data-last-tx"));

                // phone width: nothing wider than the screen, the account table scrolls inside its own box
                browser.manage().window().setSize(new Dimension(390, 844));
                browser.navigate().refresh();
                wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
                long overflow = (Long) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertEquals(0L, overflow, "the page scrolls sideways at phone width");
                assertAmount(card(browser, callAddress), "tvl", vault.totalAssets().send(), 18, "WETH");
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("phone.png"),
                    StandardCopyOption.REPLACE_EXISTING);

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

    /**
     * A test wallet: answers the accounts request with {@code account} and forwards every other
     * request to the node, whose accounts are unlocked (eth_sendTransaction signs there).
     */
    private static String provider(String rpc, String account) {
        return "window.ethereum = { request: async ({ method, params }) => {"
            + " if (method === 'eth_requestAccounts' || method === 'eth_accounts') return ['" + account + "'];"
            + " const r = await fetch('" + rpc + "', { method: 'POST', headers: { 'content-type': 'application/json' },"
            + "   body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: params || [] }) });"
            + " const j = await r.json(); if (j.error) throw new Error(j.error.message); return j.result; } };";
    }

    /** Types {@code amount} (if any) into the vault's form, presses the action's button and waits for its transaction. */
    private static void act(ChromeDriver browser, WebDriverWait wait, String vault, String action, String amount) {
        String before = browser.findElement(By.tagName("body")).getAttribute("data-last-tx");
        WebElement form = browser.findElement(By.cssSelector("form.act[data-vault='" + vault + "']"));
        WebElement input = form.findElement(By.tagName("input"));
        input.clear();
        input.sendKeys(amount);
        form.findElement(By.cssSelector("button[data-action='" + action + "']")).click();
        wait.until(d -> {
            String status = d.findElement(By.id("wallet-status")).getText();
            if (d.findElement(By.id("wallet-status")).getAttribute("class").contains("error")) {
                throw new AssertionError(action + " failed on the page: " + status);
            }
            String tx = d.findElement(By.tagName("body")).getAttribute("data-last-tx");
            return tx != null && !tx.equals(before) && status.startsWith("Done");
        });
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
    }

    /** Reloads the page (the chain moved on outside it) and connects the wallet again. */
    private static void reloadAndConnect(ChromeDriver browser, WebDriverWait wait, String account) {
        browser.navigate().refresh();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
        browser.findElement(By.id("connect")).click();
        wait.until(ExpectedConditions.textToBe(By.id("wallet-account"), account.toLowerCase()));
    }

    private static WebElement card(ChromeDriver browser, String vault) {
        return browser.findElement(By.cssSelector("section.vault[data-address='" + vault + "']"));
    }

    /** The field shows the chain's amount rounded by the page's rule, and carries it exactly for hover and copy. */
    private static void assertAmount(WebElement scope, String name, BigInteger raw, int decimals, String unit) {
        WebElement amount = scope.findElement(By.cssSelector("[data-field='" + name + "'] .amount"));
        Amount expected = Amount.of(raw, decimals, unit);
        assertEquals(Readable.amount(expected), amount.getText(), name);
        assertEquals(raw.toString(), amount.getAttribute("data-raw"), name);
        assertEquals(expected.value().toPlainString() + " " + unit, amount.getAttribute("title"), name);
    }

    private static String httpGet(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of("text/csv; charset=utf-8"), response.headers().allValues("content-type"));
        return response.body();
    }

    private static Path buildDirectory() throws Exception {
        return Path.of(DashboardBrowserIT.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }

    private static String field(WebElement scope, String name) {
        return scope.findElement(By.cssSelector("[data-field='" + name + "']")).getText();
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

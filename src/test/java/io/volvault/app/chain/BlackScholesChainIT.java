package io.volvault.app.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.chain.contracts.BlackScholesHarness;
import io.volvault.greeks.BlackScholes;
import io.volvault.greeks.BsOption;
import io.volvault.greeks.Greeks;
import io.volvault.greeks.OptionType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tuples.generated.Tuple3;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;

/**
 * The vault's on-chain Black-Scholes (vault-contracts/libraries/BlackScholes.sol, through a harness
 * deployed on the node of scripts/test) against the {@code greeks} module over the keeper's range:
 * spot 100 .. 100,000 USD, strike 0.5 .. 2 x spot, 1 hour .. 90 days, vol 10 % .. 300 %, calls and
 * puts, every parameter log-uniform. Prices, deltas and vegas agree to 1e-6 relative wherever the
 * value is at least 1e-8 of its scale (spot for price, 1 for delta, spot x sqrt(T) for vega): below that the
 * double-precision reference itself loses its digits (S N(d1) - K N(d2) cancels), and there both must
 * agree to 1e-14 of the scale.
 */
class BlackScholesChainIT {

    private static final int CASES = 3_000;
    private static final double RELATIVE = 1e-6;
    private static final double FLOOR = 1e-8;
    private static final double ABSOLUTE_BELOW_FLOOR = 1e-14;
    private static final BigDecimal WAD = BigDecimal.TEN.pow(18);
    private static Web3j web3j;
    private static BlackScholesHarness harness;

    @BeforeAll
    static void deploy() throws Exception {
        web3j = Web3j.build(new HttpService(System.getProperty("volvault.rpc")));
        long chainId = web3j.ethChainId().send().getChainId().longValueExact();
        Credentials deployer = HardhatAccounts.account(0);
        harness = BlackScholesHarness.deploy(web3j, new FastRawTransactionManager(web3j, deployer, chainId),
            new StaticEIP1559GasProvider(chainId, BigInteger.valueOf(100_000_000_000L), BigInteger.ONE.shiftLeft(30),
                BigInteger.valueOf(3_000_000))).send();
    }

    @AfterAll
    static void disconnect() {
        web3j.shutdown();
    }

    @Test
    void agreesWithTheGreeksModuleOverTheKeepersRange() throws Exception {
        SplittableRandom random = new SplittableRandom(20261130);
        Worst price = new Worst("price");
        Worst delta = new Worst("delta");
        Worst vega = new Worst("vega");
        int belowFloor = 0;
        for (int i = 0; i < CASES; i++) {
            double spot = logUniform(random, 100, 100_000);
            double strike = spot * logUniform(random, 0.5, 2);
            double years = logUniform(random, 1.0 / (365 * 24), 90.0 / 365);
            double vol = logUniform(random, 0.1, 3);
            OptionType type = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
            // the chain sees the inputs as wad integers: the reference prices exactly those
            BigInteger spotWad = wad(spot);
            BigInteger strikeWad = wad(strike);
            BigInteger yearsWad = wad(years);
            BigInteger volWad = wad(vol);
            Greeks reference = BlackScholes.greeks(new BsOption(type, unwad(spotWad), unwad(strikeWad), unwad(yearsWad),
                unwad(volWad), 0, 0));
            Tuple3<BigInteger, BigInteger, BigInteger> chain =
                harness.greeks(type == OptionType.CALL, spotWad, strikeWad, yearsWad, volWad).send();
            String input = String.format(Locale.ROOT, "%s S=%.6f K=%.6f T=%.9f vol=%.6f", type, spot, strike, years, vol);
            boolean small = reference.price() < FLOOR * spot;
            belowFloor += small ? 1 : 0;
            price.add(unwad(chain.component1()), reference.price(), spot, input);
            delta.add(unwad(chain.component2()), reference.delta(), 1, input);
            vega.add(unwad(chain.component3()), reference.vega(), spot * Math.sqrt(unwad(yearsWad)), input);
        }
        System.out.printf(Locale.ROOT, "on-chain Black-Scholes vs greeks, %d random cases (%d priced under %.0e of spot)%n",
            CASES, belowFloor, FLOOR);
        for (Worst w : new Worst[] {price, delta, vega}) {
            System.out.println("  " + w);
            assertTrue(w.compared >= 1_000, w.name + " compared in only " + w.compared + " cases");
            assertTrue(w.worstRelative <= RELATIVE, w.toString());
            assertTrue(w.worstAbsoluteBelowFloor <= ABSOLUTE_BELOW_FLOOR, w.toString());
        }
        assertEquals(CASES, price.compared + price.belowFloor);
    }

    /** The largest relative error where the value is at least FLOOR of its scale, the largest absolute one (over the scale) below. */
    private static final class Worst {
        final String name;
        int compared;
        int belowFloor;
        double worstRelative;
        String worstCase = "none";
        double worstAbsoluteBelowFloor;

        Worst(String name) {
            this.name = name;
        }

        void add(double chain, double reference, double scale, String input) {
            if (Math.abs(reference) >= FLOOR * scale) {
                compared++;
                double relative = Math.abs(chain - reference) / Math.abs(reference);
                if (relative > worstRelative) {
                    worstRelative = relative;
                    worstCase = input + String.format(Locale.ROOT, " chain=%.15g reference=%.15g", chain, reference);
                }
            } else {
                belowFloor++;
                worstAbsoluteBelowFloor = Math.max(worstAbsoluteBelowFloor, Math.abs(chain - reference) / scale);
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: worst relative error %.3e over %d cases (%s); below the floor (%d cases) "
                + "worst absolute error %.3e of the scale", name, worstRelative, compared, worstCase, belowFloor,
                worstAbsoluteBelowFloor);
        }
    }

    private static double logUniform(SplittableRandom random, double low, double high) {
        return Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
    }

    private static BigInteger wad(double x) {
        return new BigDecimal(x).multiply(WAD).toBigInteger();
    }

    private static double unwad(BigInteger x) {
        return new BigDecimal(x).divide(WAD).doubleValue();
    }
}

package io.volvault.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.ImpliedVol;
import io.volvault.greeks.OptionType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real Deribit chains (four days of BTC and ETH, greeks/src/test/resources/deribit): every expiry
 * fits, inside Lee's bound, at least as close in implied vol as the old total-variance fitter,
 * close to Deribit's own mark IVs and inside the quoted bid/ask at the money.
 */
class RealChainFitTest {

    private static final double DAY = 1.0 / 365.25;
    private static List<DeribitSnapshots.Snapshot> snapshots;
    private static final Map<String, ChainFit> FITS = new TreeMap<>();

    @BeforeAll
    static void fitAll() throws IOException {
        snapshots = DeribitSnapshots.read(Path.of(System.getProperty("volvault.root"),
            "greeks/src/test/resources/deribit/deribit_options_daily_4days.csv.gz"));
        for (DeribitSnapshots.Snapshot snapshot : snapshots) {
            FITS.put(snapshot.currency() + " " + snapshot.timestamp(), ChainFitter.fit(snapshot.quotes()));
        }
    }

    @Test
    void everyExpiryOfEverySnapshotFitsInsideLeesBound() {
        assertEquals(8, snapshots.size());
        int slices = 0;
        for (ChainFit fit : FITS.values()) {
            assertEquals(List.of(), fit.failures());
            for (SliceFit slice : fit.slices()) {
                SviParams p = slice.slice().params();
                assertTrue(p.b() * (1 + Math.abs(p.rho())) <= 2.0 + 1e-12, slice.toString());
                assertTrue(slice.points() >= 5, slice.toString());
                slices++;
            }
        }
        // Deribit lists 10 to 12 expiries per currency on these days.
        assertTrue(slices >= 80, "slices " + slices);
    }

    @Test
    void noWorseInWeightedImpliedVolThanTheTotalVarianceFitWhereThatRespectsLee() {
        int compared = 0;
        for (DeribitSnapshots.Snapshot snapshot : snapshots) {
            ChainFit fit = FITS.get(snapshot.currency() + " " + snapshot.timestamp());
            Map<Double, List<OptionQuote>> byExpiry = byExpiry(snapshot);
            for (SliceFit slice : fit.slices()) {
                List<ChainFitter.Point> points = ChainFitter.usable(byExpiry.get(slice.expiryYears())).points();
                double forward = slice.slice().forward();
                List<ChainQuote> ivs = points.stream()
                    .map(p -> new ChainQuote(slice.expiryYears(), p.strike(), forward, p.iv())).toList();
                SviSlice old;
                try {
                    old = TotalVarianceLsqFitter.fit(slice.expiryYears(), ivs);
                } catch (IllegalArgumentException stalled) {
                    continue;
                }
                if (old.params().b() * (1 + Math.abs(old.params().rho())) > 2.0) {
                    continue;
                }
                // Both on the fitter's objective, the spread-weighted IV error.
                double[] weights = ChainFitter.weights(points);
                double oldError = 0.0;
                double newError = 0.0;
                for (int i = 0; i < points.size(); i++) {
                    double strike = points.get(i).strike();
                    oldError += Math.pow(weights[i] * (old.iv(strike) - points.get(i).iv()), 2);
                    newError += Math.pow(weights[i] * (slice.slice().iv(strike) - points.get(i).iv()), 2);
                }
                assertTrue(newError <= oldError * (1 + 1e-3),
                    snapshot.currency() + " " + snapshot.day() + " T=" + slice.expiryYears() + ": new "
                        + newError + " old " + oldError);
                compared++;
            }
        }
        assertTrue(compared >= 60, "compared " + compared);
    }

    /** Deribit's mark IVs come from its own surface model: the fit stays within a vol point or two of them. */
    @Test
    void closeToDeribitsMarkIvs() {
        List<Double> all = new ArrayList<>();
        for (ChainFit fit : FITS.values()) {
            List<Double> errors = new ArrayList<>();
            for (SliceFit slice : fit.slices()) {
                errors.add(slice.rmsIvErrorVsMark());
            }
            all.addAll(errors);
            assertTrue(median(errors) < 0.02, "median RMS vs mark IV " + median(errors) + " in " + fit.slices());
        }
        assertTrue(median(all) < 0.01, "median RMS vs mark IV " + median(all));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * At the strike nearest the forward, from 7 days out, the model's vol lies inside the quoted
     * bid/ask vols on at least 95% of the slices (one vol point is a typical ATM width there).
     */
    @Test
    void insideTheBidAskAtTheMoney() {
        int checked = 0;
        int inside = 0;
        List<String> outside = new ArrayList<>();
        for (DeribitSnapshots.Snapshot snapshot : snapshots) {
            ChainFit fit = FITS.get(snapshot.currency() + " " + snapshot.timestamp());
            Map<Double, List<OptionQuote>> byExpiry = byExpiry(snapshot);
            for (SliceFit slice : fit.slices()) {
                if (slice.expiryYears() < 7 * DAY) {
                    continue;
                }
                double forward = slice.slice().forward();
                OptionQuote atm = byExpiry.get(slice.expiryYears()).stream()
                    .filter(q -> q.type() == (q.strike() < forward ? OptionType.PUT : OptionType.CALL))
                    .filter(q -> q.bid() > 0.0 && q.ask() > 0.0)
                    .min((x, y) -> Double.compare(Math.abs(Math.log(x.strike() / forward)),
                        Math.abs(Math.log(y.strike() / forward)))).orElseThrow();
                double bidIv = ImpliedVol.black76(atm.type(), atm.bid(), atm.forward(), atm.strike(), atm.expiryYears(), 0.0);
                double askIv = ImpliedVol.black76(atm.type(), atm.ask(), atm.forward(), atm.strike(), atm.expiryYears(), 0.0);
                double model = slice.slice().iv(atm.strike());
                checked++;
                if (model >= bidIv && model <= askIv) {
                    inside++;
                } else {
                    outside.add(snapshot.currency() + " " + snapshot.day() + " T=" + slice.expiryYears() + " "
                        + bidIv + " " + model + " " + askIv);
                }
            }
        }
        assertTrue(inside >= 0.95 * checked, inside + " of " + checked + " inside; outside: " + outside);
        assertTrue(checked >= 50, "checked " + checked);
    }

    private static Map<Double, List<OptionQuote>> byExpiry(DeribitSnapshots.Snapshot snapshot) {
        Map<Double, List<OptionQuote>> byExpiry = new TreeMap<>();
        snapshot.quotes().forEach(q -> byExpiry.computeIfAbsent(q.expiryYears(), t -> new ArrayList<>()).add(q));
        return byExpiry;
    }
}

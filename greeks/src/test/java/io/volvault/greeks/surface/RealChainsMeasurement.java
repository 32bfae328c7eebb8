package io.volvault.greeks.surface;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The README's real-chain figures: every daily Deribit snapshot of ../shared/data/options (BTC and
 * ETH, 2025-12-30 .. 2026-06-30) fitted by {@link ChainFitter}, against the quotes, Deribit's mark
 * IV and the old total-variance fitter; the ATM term structure against the 30-day ATM vol and
 * DVOL; the stated SkewModel against the quotes. A measurement, not a test: it runs only with
 * {@code -Dvolvault.measure=true} and when the shared file exists, and writes
 * {@code greeks/target/svi-measurement.txt}:
 * <pre>
 * mvn -B -q -pl greeks -am test -Dtest=RealChainsMeasurement -Dvolvault.measure=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "volvault.measure", matches = "true")
class RealChainsMeasurement {

    private static final double DAY = 1.0 / 365.25;
    private final StringBuilder out = new StringBuilder();

    @Test
    void measure() throws IOException {
        Path shared = Path.of(System.getProperty("volvault.root")).resolve("../shared/data").normalize();
        Path daily = shared.resolve("options/deribit_options_daily_2025-12-30_to_2026-06-30.csv.gz");
        assumeTrue(Files.exists(daily), daily + " is not on this machine");
        List<DeribitSnapshots.Snapshot> snapshots = DeribitSnapshots.read(daily);
        Map<String, Map<String, Double>> dvolOpen = Map.of(
            "BTC", dvol(shared.resolve("dvol/btc_dvol.csv")), "ETH", dvol(shared.resolve("dvol/eth_dvol.csv")));

        int slices = 0;
        int fittedSlices = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, List<Double>> rms = new TreeMap<>();
        Map<String, List<Double>> rmsMark = new TreeMap<>();
        Map<String, List<Double>> oldOverNew = new TreeMap<>();
        Map<String, List<Double>> oldRms = new TreeMap<>();
        Map<String, List<Double>> oldBreaksLee = new TreeMap<>();
        Map<String, List<Double>> oldWithinLee = new TreeMap<>();
        int leeBinds = 0;
        long[] twoSided = {0};
        long[] insideNew = {0};
        long[] insideOld = {0};
        int oldFailures = 0;
        Map<String, Integer> oldReasons = new TreeMap<>();
        int butterfly = 0;
        int calendar = 0;
        int snapshotsWithArbitrage = 0;
        int slicesWithButterfly = 0;
        Map<String, double[]> betaSums = new TreeMap<>();
        Map<String, List<Double>> dvolRatio = new TreeMap<>();
        Map<String, List<double[]>> skewPoints = new TreeMap<>();
        List<Double> realSkew = new ArrayList<>();
        List<Double> modelSkew = new ArrayList<>();

        for (DeribitSnapshots.Snapshot snapshot : snapshots) {
            ChainFit fit = ChainFitter.fit(snapshot.quotes());
            Map<Double, List<OptionQuote>> byExpiry = new TreeMap<>();
            snapshot.quotes().forEach(q -> byExpiry.computeIfAbsent(q.expiryYears(), t -> new ArrayList<>()).add(q));
            for (SliceFit slice : fit.slices()) {
                slices++;
                if (!slice.fitted()) {
                    reasons.merge(snapshot.currency() + ": " + slice.failure().replaceAll("expiry [0-9.E-]+: ", "")
                        .replaceAll("[0-9]+ strikes", "N strikes"), 1, Integer::sum);
                    continue;
                }
                fittedSlices++;
                SviParams fitted = slice.slice().params();
                leeBinds += fitted.b() * (1 + Math.abs(fitted.rho())) > SviFitter.LEE_SLOPE * (1 - 1e-9) ? 1 : 0;
                String bucket = bucket(slice.expiryYears());
                rms.computeIfAbsent(bucket, b -> new ArrayList<>()).add(slice.rmsIvError());
                rms.computeIfAbsent("all", b -> new ArrayList<>()).add(slice.rmsIvError());
                if (!Double.isNaN(slice.rmsIvErrorVsMark())) {
                    rmsMark.computeIfAbsent(bucket, b -> new ArrayList<>()).add(slice.rmsIvErrorVsMark());
                    rmsMark.computeIfAbsent("all", b -> new ArrayList<>()).add(slice.rmsIvErrorVsMark());
                }
                List<OptionQuote> ofExpiry = byExpiry.get(slice.expiryYears());
                double forward = ofExpiry.get(0).forward();
                List<ChainFitter.Point> points = ChainFitter.usable(ofExpiry).points();
                List<ChainQuote> asIvs = points.stream()
                    .map(p -> new ChainQuote(slice.expiryYears(), p.strike(), forward, p.iv())).toList();
                try {
                    SviSlice old = TotalVarianceLsqFitter.fit(slice.expiryYears(), asIvs);
                    for (ChainFitter.Point point : points) {
                        if (point.spread() >= 0.0) {
                            twoSided[0]++;
                            insideNew[0] += Math.abs(slice.slice().iv(point.strike()) - point.iv()) <= point.spread() / 2 ? 1 : 0;
                            insideOld[0] += Math.abs(old.iv(point.strike()) - point.iv()) <= point.spread() / 2 ? 1 : 0;
                        }
                    }
                    double oldError = rmsError(old, points);
                    oldRms.computeIfAbsent(bucket, b -> new ArrayList<>()).add(oldError);
                    oldOverNew.computeIfAbsent(bucket, b -> new ArrayList<>()).add(oldError / slice.rmsIvError());
                    oldOverNew.computeIfAbsent("all", b -> new ArrayList<>()).add(oldError / slice.rmsIvError());
                    if (old.params().b() * (1 + Math.abs(old.params().rho())) > SviFitter.LEE_SLOPE) {
                        oldBreaksLee.computeIfAbsent(bucket, b -> new ArrayList<>()).add(oldError / slice.rmsIvError());
                    } else {
                        oldWithinLee.computeIfAbsent(bucket, b -> new ArrayList<>()).add(oldError / slice.rmsIvError());
                    }
                } catch (IllegalArgumentException failed) {
                    oldFailures++;
                    oldReasons.merge(failed.getMessage().replaceAll("expiry [0-9.E-]+: ", "")
                        .replaceAll("[0-9]+ quotes", "N quotes"), 1, Integer::sum);
                }
                skewCheck(slice.slice(), points, skewPoints.computeIfAbsent(snapshot.currency(), c -> new ArrayList<>()),
                    realSkew, modelSkew);
            }
            if (fit.surface() == null) {
                continue;
            }
            List<ArbitrageViolation> arbitrage = fit.surface().arbitrage();
            long b = arbitrage.stream().filter(v -> v.kind() == ArbitrageViolation.Kind.BUTTERFLY).count();
            butterfly += (int) b;
            calendar += (int) (arbitrage.size() - b);
            slicesWithButterfly += (int) arbitrage.stream().filter(v -> v.kind() == ArbitrageViolation.Kind.BUTTERFLY)
                .mapToDouble(ArbitrageViolation::expiry).distinct().count();
            snapshotsWithArbitrage += arbitrage.isEmpty() ? 0 : 1;
            termStructure(snapshot, fit.surface(), betaSums, dvolRatio, dvolOpen);
        }

        line("snapshots %d (BTC %d, ETH %d), expiry slices %d, fitted %d, not fitted %d", snapshots.size(),
            snapshots.stream().filter(s -> s.currency().equals("BTC")).count(),
            snapshots.stream().filter(s -> s.currency().equals("ETH")).count(), slices, fittedSlices,
            slices - fittedSlices);
        reasons.forEach((reason, count) -> line("  not fitted x%d: %s", count, reason));
        line("RMS IV error vs quotes (mid of bid/ask IVs, else mark IV), vol points: median / p95 / max");
        rms.forEach((bucket, values) -> line("  %-10s n=%4d  %s", bucket, values.size(), summary(values, 100)));
        line("RMS IV error vs Deribit mark IV, vol points: median / p95 / max");
        rmsMark.forEach((bucket, values) -> line("  %-10s n=%4d  %s", bucket, values.size(), summary(values, 100)));
        line("old total-variance LSQ fitter on the same points: %d failures", oldFailures);
        oldReasons.forEach((reason, count) -> line("  old failed x%d: %s", count, reason));
        oldRms.forEach((bucket, values) -> line("  old RMS IV error %-10s n=%4d  %s", bucket, values.size(),
            summary(values, 100)));
        line("old RMS / new RMS per slice: median / p95 / max, and share where old is worse by > 5%%");
        oldOverNew.forEach((bucket, values) -> line("  %-10s n=%4d  %s  worse>5%%: %.1f%%  new worse>1%%: %d", bucket,
            values.size(), summary(values, 1),
            100.0 * values.stream().filter(v -> v > 1.05).count() / values.size(),
            values.stream().filter(v -> v < 0.99).count()));
        line("two-sided points (both fitters converged) with the model IV inside the quoted bid/ask IVs: new %.1f%%, old %.1f%% of %d",
            100.0 * insideNew[0] / twoSided[0], 100.0 * insideOld[0] / twoSided[0], twoSided[0]);
        line("old fits breaking Lee's bound b(1 + |rho|) <= 2, old RMS / new RMS there (median / p5 / p95):");
        oldBreaksLee.forEach((bucket, values) -> line("  %-10s n=%4d  %s", bucket, values.size(), quantiles(values)));
        line("old fits within Lee's bound, old RMS / new RMS (median / p5 / p95):");
        oldWithinLee.forEach((bucket, values) -> line("  %-10s n=%4d  %s", bucket, values.size(), quantiles(values)));
        line("new fits with Lee's bound binding: %d of %d", leeBinds, fittedSlices);
        line("arbitrage flags (scan |k| <= 10 ATM sd): butterfly %d (in %d slices of %d), calendar %d; snapshots with any %d of %d",
            butterfly, slicesWithButterfly, fittedSlices, calendar, snapshotsWithArbitrage, snapshots.size());
        line("term structure: beta of ln(atm(T) / atm(30d)) = beta ln(T / 30d), least squares through 0, T in [2d, 1y]");
        betaSums.forEach((group, sums) -> line("  %-16s n=%5d  beta %.4f  rms ln-residual %.4f (flat: %.4f)", group,
            (long) sums[3], sums[0] / sums[1], Math.sqrt((sums[2] - sums[0] * sums[0] / sums[1]) / sums[3]),
            Math.sqrt(sums[2] / sums[3])));
        line("fitted 30-day ATM vol / DVOL open of the snapshot's day: median / p5 / p95");
        dvolRatio.forEach((asset, values) -> line("  %-4s n=%3d  %s", asset, values.size(), quantiles(values)));
        List<double[]> allSkewPoints = new ArrayList<>();
        skewPoints.values().forEach(allSkewPoints::addAll);
        skewReport("BTC and ETH", allSkewPoints, realSkew, modelSkew);
        skewPoints.forEach((asset, points) -> skewReport(asset, points, realSkew, modelSkew));

        Path report = Path.of(System.getProperty("volvault.root"), "greeks/target/svi-measurement.txt");
        Files.writeString(report, out.toString());
        System.out.print(out);
    }

    private static String bucket(double expiry) {
        double days = expiry / DAY;
        if (days <= 7) {
            return "T<=7d";
        }
        if (days <= 30) {
            return "7d<T<=30d";
        }
        if (days <= 90) {
            return "30d<T<=90d";
        }
        return "T>90d";
    }

    private static double rmsError(SviSlice slice, List<ChainFitter.Point> points) {
        double sum = 0.0;
        for (ChainFitter.Point point : points) {
            double error = slice.iv(point.strike()) - point.iv();
            sum += error * error;
        }
        return Math.sqrt(sum / points.size());
    }

    /** Sums for beta per group: sum xy, sum xx, sum yy, n. */
    private static void termStructure(DeribitSnapshots.Snapshot snapshot, VolSurface surface, Map<String, double[]> sums,
                                      Map<String, List<Double>> dvolRatio, Map<String, Map<String, Double>> dvolOpen) {
        List<SviSlice> slices = surface.slices();
        double thirty = 30 * DAY;
        if (slices.get(0).expiry() > thirty || slices.get(slices.size() - 1).expiry() < thirty) {
            return;
        }
        double atm30 = surface.atmVol(thirty);
        Double dvol = dvolOpen.get(snapshot.currency()).get(snapshot.day());
        if (dvol != null) {
            dvolRatio.computeIfAbsent(snapshot.currency(), c -> new ArrayList<>()).add(atm30 / (dvol / 100.0));
        }
        for (SviSlice slice : slices) {
            double t = slice.expiry();
            if (t < 2 * DAY || t > 1.0) {
                continue;
            }
            double x = Math.log(t / thirty);
            double y = Math.log(Math.sqrt(slice.params().totalVariance(0.0) / t) / atm30);
            String month = snapshot.day().substring(0, 7);
            for (String group : List.of("all", snapshot.currency(), snapshot.currency() + " " + month,
                snapshot.currency() + (t < thirty ? " T<30d" : " T>30d"))) {
                double[] s = sums.computeIfAbsent(group, g -> new double[4]);
                s[0] += x * y;
                s[1] += x * x;
                s[2] += y * y;
                s[3] += 1;
            }
        }
    }

    /** Per slice of 7 to 90 days: quoted points within 2 ATM sd, for SkewModel's RMS error at the real ATM vol. */
    private static void skewCheck(SviSlice slice, List<ChainFitter.Point> points, List<double[]> skewPoints,
                                  List<Double> realSkew, List<Double> modelSkew) {
        double t = slice.expiry();
        if (t < 7 * DAY || t > 90 * DAY) {
            return;
        }
        double w0 = slice.params().totalVariance(0.0);
        double atm = Math.sqrt(w0 / t);
        for (ChainFitter.Point point : points) {
            double k = Math.log(point.strike() / slice.forward());
            if (Math.abs(k) <= 2 * Math.sqrt(w0)) {
                skewPoints.add(new double[] {atm, t, k, point.iv()});
            }
        }
        realSkew.add(slice.params().slope(0.0) / (2 * Math.sqrt(w0 * t)));
        SviParams model = SkewModel.CRYPTO_DEFAULT.slice(atm, slice.forward(), t).params();
        modelSkew.add(model.slope(0.0) / (2 * Math.sqrt(model.totalVariance(0.0) * t)));
    }

    private void skewReport(String assets, List<double[]> points, List<Double> realSkew, List<Double> modelSkew) {
        line("SkewModel check, %s, on slices of 7..90 days, points within 2 ATM sd (%d points; %d slices of both)",
            assets, points.size(), realSkew.size());
        line("  ATM skew d iv / d k: real median %.4f (p5 %.4f, p95 %.4f), CRYPTO_DEFAULT at the real ATM vol median %.4f",
            median(realSkew), quantile(realSkew, 0.05), quantile(realSkew, 0.95), median(modelSkew));
        line("  RMS IV error of SkewModel at the real ATM vol: CRYPTO_DEFAULT %.4f, flat smile %.4f",
            skewRms(points, SkewModel.CRYPTO_DEFAULT), flatRms(points));
        double best = Double.POSITIVE_INFINITY;
        SkewModel bestModel = null;
        for (double gamma : new double[] {0.2, 0.3, 0.4, 0.5}) {
            for (int i = -18; i <= 18; i++) {
                double rho = i * 0.05;
                for (int j = 1; j <= 40; j++) {
                    double eta = j * 0.05;
                    if (eta * (1 + Math.abs(rho)) > 2) {
                        break;
                    }
                    SkewModel model = new SkewModel(rho, eta, gamma);
                    double error = skewRms(points, model);
                    if (error < best) {
                        best = error;
                        bestModel = model;
                    }
                }
            }
        }
        line("  best SkewModel on the grid (rho step 0.05, eta step 0.05, gamma 0.2..0.5): %s, RMS %.4f", bestModel, best);
    }

    private static double skewRms(List<double[]> points, SkewModel model) {
        double sum = 0.0;
        for (double[] p : points) {
            double error = Math.sqrt(model.slice(p[0], 1.0, p[1]).params().totalVariance(p[2]) / p[1]) - p[3];
            sum += error * error;
        }
        return Math.sqrt(sum / points.size());
    }

    private static double flatRms(List<double[]> points) {
        double sum = 0.0;
        for (double[] p : points) {
            sum += (p[0] - p[3]) * (p[0] - p[3]);
        }
        return Math.sqrt(sum / points.size());
    }

    private static Map<String, Double> dvol(Path file) throws IOException {
        Map<String, Double> open = new HashMap<>();
        for (String row : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            String[] cells = row.split(",");
            open.put(cells[0], Double.parseDouble(cells[2]));
        }
        return open;
    }

    private static String summary(List<Double> values, double scale) {
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", scale * median(values),
            scale * quantile(values, 0.95), scale * quantile(values, 1.0));
    }

    private static String quantiles(List<Double> values) {
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", median(values), quantile(values, 0.05),
            quantile(values, 0.95));
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    /** Nearest-rank quantile. */
    private static double quantile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

}

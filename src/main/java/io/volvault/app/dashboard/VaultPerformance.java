package io.volvault.app.dashboard;

import io.volvault.app.index.IndexedEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** A vault's {@link VaultView.Returns} from its closed rounds and the oracle's prices (pure). */
final class VaultPerformance {

    static final String RULE = "Returns are of the USD value of one share (price per share at each round close times"
        + " the asset's USD price), after fees, over every round including the losing ones. A return over less than"
        + " 365 days is not annualized (it would extrapolate a few rounds to a year); from a year of history on, the"
        + " APY is the return since the first close compounded to a year: (1 + r)^(365 / days) - 1.";

    private static final long DAY = 86_400;

    private VaultPerformance() {}

    /**
     * @param baseAsset     true when the vault's asset is the oracle's base token (valued at the oracle
     *                      price at each close), false for the quote token (1 USD)
     * @param sharePriceNow assets per share now, the last point of the history
     */
    static VaultView.Returns of(List<RoundHistory.Round> rounds, List<IndexedEvent> oracle, boolean baseAsset,
                                int priceDecimals, BigDecimal sharePriceNow, long nowSeconds, BigDecimal assetPriceUsdNow,
                                double targetVol, int assetDecimals, Amount fees) {
        List<Performance.Point> points = new ArrayList<>();
        BigInteger premium = BigInteger.ZERO;
        for (RoundHistory.Round r : rounds) {
            premium = premium.add(new BigInteger(r.premium().raw()));
            long t = Instant.parse(r.closedAt()).getEpochSecond();
            double usd = baseAsset ? oraclePriceAt(oracle, t, priceDecimals) : 1;
            if (r.pricePerShare().signum() > 0 && usd > 0) {
                points.add(new Performance.Point(t, r.pricePerShare().doubleValue() * usd));
            }
        }
        if (!points.isEmpty() && sharePriceNow.signum() > 0 && nowSeconds > points.get(points.size() - 1).time()) {
            points.add(new Performance.Point(nowSeconds, sharePriceNow.doubleValue() * assetPriceUsdNow.doubleValue()));
        }
        List<Double> drawdowns = Performance.drawdowns(points);
        List<VaultView.ChartPoint> chart = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            chart.add(new VaultView.ChartPoint(Instant.ofEpochSecond(points.get(i).time()).toString(), points.get(i).price(),
                drawdowns.get(i)));
        }
        long span = points.size() < 2 ? 0 : points.get(points.size() - 1).time() - points.get(0).time();
        OptionalDouble total = Performance.totalReturn(points);
        return new VaultView.Returns("USD value per share", points.isEmpty() ? null : chart.get(0).time(),
            span / (double) DAY, boxed(total), total.isPresent() ? boxed(Performance.annualized(total.getAsDouble(), span)) : null,
            boxed(Performance.windowReturn(points, 30 * DAY)), boxed(Performance.windowReturn(points, 90 * DAY)),
            Performance.maxDrawdown(points), boxed(Performance.realizedVol(points)), targetVol,
            Amount.of(premium, assetDecimals, fees.unit()), fees, RULE, chart);
    }

    /** The oracle's last answer at or before {@code time}, in USD; 0 if it had none yet. */
    static double oraclePriceAt(List<IndexedEvent> oracle, long time, int priceDecimals) {
        double price = 0;
        for (IndexedEvent e : oracle) {
            if (e.name().equals("AnswerUpdated") && e.uint("updatedAt").longValueExact() <= time) {
                price = new BigDecimal(new BigInteger(e.field("current")), priceDecimals).doubleValue();
            }
        }
        return price;
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}

package io.volvault.greeks.surface;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Staged copy of the svi branch's API (mark IVs fitted per slice); replaced by that branch's fitter on merge. */
public final class ChainFitter {

    private ChainFitter() {}

    /** Fits raw SVI to every expiry of the chain; a slice that cannot be fitted is reported and skipped, never the whole chain. */
    public static ChainFit fit(List<OptionQuote> quotes) {
        Map<Double, List<ChainQuote>> byExpiry = new TreeMap<>();
        for (OptionQuote q : quotes) {
            if (q.markIv() > 0) {
                byExpiry.computeIfAbsent(q.expiryYears(), t -> new ArrayList<>())
                    .add(new ChainQuote(q.expiryYears(), q.strike(), q.forward(), q.markIv()));
            }
        }
        List<SliceFit> fits = new ArrayList<>();
        List<SviSlice> slices = new ArrayList<>();
        byExpiry.forEach((t, qs) -> {
            try {
                SviSlice s = SviFitter.fit(t, qs);
                double sum = 0;
                for (ChainQuote q : qs) {
                    double e = s.iv(q.strike()) - q.iv();
                    sum += e * e;
                }
                double rms = Math.sqrt(sum / qs.size());
                slices.add(s);
                fits.add(new SliceFit(t, s, qs.size(), rms, rms, null));
            } catch (RuntimeException e) {
                fits.add(new SliceFit(t, null, qs.size(), Double.NaN, Double.NaN, e.getMessage()));
            }
        });
        return new ChainFit(slices.isEmpty() ? null : VolSurface.of(slices), fits);
    }
}

package io.volvault.greeks.realized;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The realized-volatility estimators {@link RealizedVol#rolling} computes. */
public enum Estimator {
    /** Sample standard deviation of close-to-close log returns (mean removed, n - 1 divisor). */
    CLOSE_TO_CLOSE,
    /** RiskMetrics exponentially weighted mean of squared close-to-close log returns (zero mean). */
    EWMA,
    /** Parkinson (1980): high-low range, assumes no drift and no opening jump. */
    PARKINSON,
    /** Garman & Klass (1980): high-low range plus open-to-close move, assumes no drift. */
    GARMAN_KLASS,
    /** Rogers & Satchell (1991): range-based and unbiased under drift, ignores opening jumps. */
    ROGERS_SATCHELL,
    /** Yang & Zhang (2000): overnight + open-to-close + Rogers-Satchell, drift and jump robust. */
    YANG_ZHANG;

    /** The CLI spelling: lower case with dashes, e.g. {@code close-to-close}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code close-to-close}, {@code YANG_ZHANG}, {@code Garman-Klass}...: case and dash/underscore insensitive. */
    public static Estimator parse(String text) {
        if (text != null) {
            String normalised = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Estimator estimator : values()) {
                if (estimator.name().equals(normalised)) {
                    return estimator;
                }
            }
        }
        throw new IllegalArgumentException("estimator '" + text + "' is not one of "
            + Arrays.stream(values()).map(Estimator::cliName).collect(Collectors.joining(", ")));
    }
}

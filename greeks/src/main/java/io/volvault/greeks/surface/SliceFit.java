package io.volvault.greeks.surface;

/**
 * How one expiry slice of a chain fared.
 *
 * @param expiryYears      the expiry, years
 * @param slice            the fitted raw SVI slice; null when the slice was not fitted
 * @param points           quotes used by the fit (one per strike)
 * @param rmsIvError       RMS of model IV minus quoted IV (mid of the bid and ask IVs, else the
 *                         mark IV) over the points used; NaN when not fitted
 * @param rmsIvErrorVsMark RMS of model IV minus the exchange's mark IV over the points that have
 *                         one; NaN when not fitted or when no point has a mark IV
 * @param failure          why the slice was not fitted, one line; null when fitted
 */
public record SliceFit(double expiryYears, SviSlice slice, int points, double rmsIvError,
                       double rmsIvErrorVsMark, String failure) {

    public SliceFit {
        if ((slice == null) == (failure == null)) {
            throw new IllegalArgumentException("a slice fit has either a slice or a failure, not "
                + (slice == null ? "neither" : "both (failure: " + failure + ")"));
        }
    }

    /** True when the slice was fitted. */
    public boolean fitted() {
        return slice != null;
    }
}

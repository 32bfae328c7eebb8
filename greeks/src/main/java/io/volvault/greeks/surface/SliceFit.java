package io.volvault.greeks.surface;

/** How one expiry slice fared: the slice (null when not fitted), points used, RMS IV errors, and why it failed (null when fitted). */
public record SliceFit(double expiryYears, SviSlice slice, int points, double rmsIvError,
                       double rmsIvErrorVsMark, String failure) {}

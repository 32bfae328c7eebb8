package io.volvault.greeks.surface;

import java.util.List;

/**
 * A whole chain fitted.
 *
 * @param surface the surface of the slices that fitted; null when no slice fitted
 * @param slices  every expiry's report, fitted or not, by increasing expiry
 */
public record ChainFit(VolSurface surface, List<SliceFit> slices) {

    public ChainFit {
        slices = List.copyOf(slices);
        boolean anyFitted = slices.stream().anyMatch(SliceFit::fitted);
        if (anyFitted != (surface != null)) {
            throw new IllegalArgumentException(anyFitted
                ? "surface is missing (null) although some slices fitted"
                : "a surface is given although no slice fitted");
        }
    }

    /** The reports of the slices that could not be fitted. */
    public List<SliceFit> failures() {
        return slices.stream().filter(fit -> !fit.fitted()).toList();
    }
}

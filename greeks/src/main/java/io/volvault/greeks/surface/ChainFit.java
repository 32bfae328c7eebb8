package io.volvault.greeks.surface;

import java.util.List;

/** A whole chain fitted: the surface of the slices that fitted, and every slice's report. */
public record ChainFit(VolSurface surface, List<SliceFit> slices) {}

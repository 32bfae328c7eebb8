package io.volvault.strategy.routing;

/**
 * A place to swap at: its output curve and what a leg through it costs in gas, in units of the output
 * token (so that it is comparable with the output).
 *
 * @param name       how logs and reports call it
 * @param curve      its output for an input now
 * @param gasCostOut the gas of one leg through it, valued in the output token
 */
public record Venue(String name, VenueCurve curve, double gasCostOut) {

    public Venue {
        if (!(gasCostOut >= 0)) {
            throw new IllegalArgumentException("gasCostOut of venue " + name + " must be >= 0, was " + gasCostOut);
        }
    }

    /**
     * The gas of {@code gasUnits} at {@code gasPriceGwei}, in a token worth {@code outPerEth} per ETH:
     * gasUnits x gwei x 1e-9 ETH x outPerEth.
     */
    public static double gasCost(long gasUnits, double gasPriceGwei, double outPerEth) {
        return gasUnits * gasPriceGwei * 1e-9 * outPerEth;
    }
}

package io.volvault.app.backtest;

import io.volvault.app.UserInputException;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The swept parameters, the CSCV blocks, the bootstrap and the heatmap's axes, shared by sweep (both
 * engines) and walkforward.
 */
public final class SweepGrid {

    @Option(names = "--target-vols", split = ",", paramLabel = "VOLS", defaultValue = "0.3,0.4,0.5",
        description = "target vols (default ${DEFAULT-VALUE})")
    List<Double> targetVols;

    @Option(names = "--estimators", split = ",", paramLabel = "NAMES", defaultValue = "close-to-close,ewma,yang-zhang",
        description = "estimators (default ${DEFAULT-VALUE})")
    List<String> estimators;

    @Option(names = "--windows", split = ",", paramLabel = "DAYS", defaultValue = "10,20,30,60",
        description = "estimator windows in days (default ${DEFAULT-VALUE})")
    List<Integer> windows;

    @Option(names = "--deltas", split = ",", paramLabel = "DELTAS", defaultValue = "0.1,0.2,0.3",
        description = "option target deltas, calls and puts (default ${DEFAULT-VALUE})")
    List<Double> deltas;

    @Option(names = "--tenors", split = ",", paramLabel = "DAYS", defaultValue = "7,30",
        description = "option tenors in days (default ${DEFAULT-VALUE})")
    List<Integer> tenors;

    @Option(names = "--cscv-splits", paramLabel = "S", defaultValue = "10",
        description = "CSCV blocks for the probability of backtest overfitting, even (default ${DEFAULT-VALUE})")
    int cscvSplits;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000",
        description = "stationary-bootstrap resamples on every roll-weekday path, at least 100 (default ${DEFAULT-VALUE})")
    int resamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--heatmap", split = ",", paramLabel = "X,Y", defaultValue = "target_vol,delta",
        description = "the two swept parameters of the heatmap: target_vol, estimator, window_days, delta, tenor_days "
            + "(default ${DEFAULT-VALUE})")
    List<String> heatmap;

    /** The bootstrap's resamples, checked. */
    public int resamples() {
        if (resamples < 100) {
            throw new UserInputException("--resamples " + resamples + " must be at least 100");
        }
        return resamples;
    }

    /** The bootstrap's seed. */
    public long seed() {
        return seed;
    }

    /** The heatmap's two axes, checked: two different swept parameters. */
    public List<String> heatmap() {
        if (heatmap.size() != 2 || heatmap.get(0).equals(heatmap.get(1))) {
            throw new UserInputException("--heatmap '" + String.join(",", heatmap)
                + "' must name two different swept parameters");
        }
        for (String p : heatmap) {
            Heatmap.parameter(p);
        }
        return heatmap;
    }

    /** The CSCV blocks, checked. */
    public int cscvSplits() {
        if (cscvSplits < 2 || cscvSplits % 2 != 0) {
            throw new UserInputException("--cscv-splits " + cscvSplits + " must be an even number >= 2");
        }
        return cscvSplits;
    }

    /** Every combination, target vol outermost and tenor innermost; an empty list is refused by name. */
    public List<SweepRunner.Point> points() {
        List<String> names = List.of("--target-vols", "--estimators", "--windows", "--deltas", "--tenors");
        List<List<?>> lists = List.of(targetVols, estimators, windows, deltas, tenors);
        for (int i = 0; i < names.size(); i++) {
            if (lists.get(i).isEmpty()) {
                throw new UserInputException(names.get(i) + " has no value: the sweep grid would be empty");
            }
        }
        return SweepRunner.grid(targetVols, estimators, windows, deltas, tenors);
    }
}

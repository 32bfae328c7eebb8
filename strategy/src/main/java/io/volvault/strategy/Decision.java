package io.volvault.strategy;

import java.util.List;

/**
 * The strategy's output for one decision time: the actions in the order to execute them, and the
 * numbers behind them.
 *
 * @param actions swaps first, then option writes; a single {@link Action.Hold} when nothing is done
 * @param targetWeight the portfolio delta the strategy aims at, as a fraction of NAV
 * @param currentWeight the portfolio delta before acting, as a fraction of NAV
 * @param bookVol the target book's forecast annualised volatility under the risk model, as a fraction
 *     of NAV
 * @param vrpRatio implied ATM vol over the forecast vol at this time
 */
public record Decision(List<Action> actions, double targetWeight, double currentWeight, double bookVol,
                       double vrpRatio) {
    public Decision {
        actions = List.copyOf(actions);
    }

    public boolean holds() {
        return actions.size() == 1 && actions.get(0) instanceof Action.Hold;
    }
}

package io.volvault.strategy;

import java.util.ArrayList;
import java.util.List;

/** Test helper: the holdings after a decision is carried out, for the book sizer's tests. */
final class Executed {

    private Executed() {}

    /**
     * {@code p} after every swap of {@code d} at {@code spot} and every write added to the shorts: no
     * costs, and no premium credited (the sizer's plan, not the strategy's cash flows).
     */
    static PortfolioState withoutPremium(PortfolioState p, Decision d, double spot, long now) {
        double base = p.base();
        double quote = p.quote();
        List<ShortOption> shorts = new ArrayList<>(p.shorts());
        for (Action a : d.actions()) {
            if (a instanceof Action.Swap s) {
                base += s.baseAmount();
                quote -= s.baseAmount() * spot;
            } else if (a instanceof Action.Write w) {
                shorts.add(new ShortOption(w.type(), w.strike(), w.expiryEpochSeconds(), w.size()));
            }
        }
        return new PortfolioState(base, quote, shorts, now);
    }
}

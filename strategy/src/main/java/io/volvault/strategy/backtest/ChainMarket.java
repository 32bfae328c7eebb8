package io.volvault.strategy.backtest;

import io.volvault.greeks.surface.VolSurface;
import io.volvault.strategy.market.MarketHistory;
import java.time.Instant;
import java.util.List;

/**
 * Everything a recorded-chain backtest reads, snapshot by snapshot: the history (index price as
 * the close, forecast and ATM implied vol), the recorded chain and the surface fitted to it.
 * Entry {@code i} of each is known at snapshot {@code i}.
 */
public record ChainMarket(MarketHistory history, List<ChainDay> days, List<VolSurface> surfaces) {

    public ChainMarket {
        days = List.copyOf(days);
        surfaces = List.copyOf(surfaces);
        if (days.size() != history.size() || surfaces.size() != history.size()) {
            throw new IllegalArgumentException("chain market: " + history.size() + " bars, " + days.size()
                + " snapshots and " + surfaces.size() + " surfaces must match");
        }
        long[] t = history.bars().epochSeconds();
        for (int i = 0; i < t.length; i++) {
            ChainDay d = days.get(i);
            if (d.epochSeconds() != t[i] || d.index() != history.bars().close()[i]) {
                throw new IllegalArgumentException("chain market: bar " + i + " (" + Instant.ofEpochSecond(t[i])
                    + ", close " + history.bars().close()[i] + ") is not snapshot " + i + " ("
                    + Instant.ofEpochSecond(d.epochSeconds()) + ", index " + d.index() + ")");
            }
        }
    }
}

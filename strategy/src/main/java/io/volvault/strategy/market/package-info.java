/**
 * The market the strategy decides on, one way for the backtester and the live keeper: the forecast
 * and implied-vol series from prices and an implied vol ({@link io.volvault.strategy.market.VolInputs}),
 * and the {@link io.volvault.strategy.MarketState} with its surface at a bar of a history or now
 * ({@link io.volvault.strategy.market.MarketStates}). Pure functions; nothing here is backtest-specific.
 */
package io.volvault.strategy.market;

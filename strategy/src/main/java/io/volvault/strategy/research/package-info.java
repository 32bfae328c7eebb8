/**
 * Statistics of many trials and out-of-sample evaluation: the stationary block bootstrap with its
 * automatic block length, the Deflated Sharpe Ratio, the probability of backtest overfitting by
 * combinatorially symmetric cross-validation, and walk-forward evaluation over the backtester.
 * Pure and deterministic: every random draw comes from a caller-given seed.
 */
package io.volvault.strategy.research;

/**
 * Parameter sweeps on Apache Spark: the same row function as the in-process engine
 * ({@link io.volvault.app.backtest.SweepRunner}), one task per slice of the grid, the market data
 * broadcast once; results as CSV and Parquet.
 */
package io.volvault.spark;

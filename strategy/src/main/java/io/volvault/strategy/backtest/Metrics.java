package io.volvault.strategy.backtest;

/**
 * Performance of one strategy over a backtest. Returns are simple per-bar NAV returns; annualised
 * with the bars per year; the risk-free rate is zero (Sharpe and Sortino are excess over cash at 0%).
 *
 * @param cagr compound annual growth: (NAV_end / NAV_start)^(1 / years) - 1
 * @param annualizedVol sample standard deviation of returns x sqrt(bars per year)
 * @param rollingVolMean mean of the rolling annualised vol (window {@code rollingWindowBars})
 * @param rollingVolTrackingError root mean square of (rolling vol - target)
 * @param rollingVolStd standard deviation of the rolling vol
 * @param rollingVolIqr interquartile range of the rolling vol
 * @param sharpe mean return x bars per year / annualised vol
 * @param sortino mean return x bars per year / (sqrt(mean(min(r, 0)^2)) x sqrt(bars per year))
 * @param maxDrawdown largest peak-to-trough fall of NAV, a positive fraction
 * @param calmar CAGR / max drawdown
 * @param cvar95 mean loss of the worst 5% of bars, a positive fraction
 * @param cvar99 mean loss of the worst 1% of bars
 * @param skewness sample skewness of returns (bias-corrected, as Excel's SKEW)
 * @param kurtosis sample excess kurtosis (bias-corrected, as Excel's KURT)
 * @param turnover spot notional traded per year / mean NAV
 * @param costs costs paid, in quote
 * @param premium option premium received, in quote
 * @param finalNav NAV at the last bar
 */
public record Metrics(double cagr, double annualizedVol, double rollingVolMean, double rollingVolTrackingError,
                      double rollingVolStd, double rollingVolIqr, double sharpe, double sortino,
                      double maxDrawdown, double calmar, double cvar95, double cvar99, double skewness,
                      double kurtosis, double turnover, double costs, double premium, double finalNav) {
}

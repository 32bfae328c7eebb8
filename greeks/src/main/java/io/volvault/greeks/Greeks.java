package io.volvault.greeks;

/**
 * Price and sensitivities of one option. Units: vega per 1.00 of vol, rho per 1.00 of rate,
 * theta = -dV/dT per year (the value change as a year passes), charm = -dDelta/dT per year.
 * Delta and gamma are with respect to the model's underlying: spot for {@link BlackScholes},
 * the forward for {@link Black76}.
 *
 * @param price value of the option
 * @param delta dV/dS
 * @param gamma d2V/dS2
 * @param vega  dV/dvol
 * @param theta -dV/dT
 * @param rho   dV/dr (see the model for what is held fixed)
 * @param vanna d2V/dS dvol
 * @param volga d2V/dvol2
 * @param charm -d2V/dS dT
 */
public record Greeks(double price, double delta, double gamma, double vega, double theta, double rho,
                     double vanna, double volga, double charm) {}

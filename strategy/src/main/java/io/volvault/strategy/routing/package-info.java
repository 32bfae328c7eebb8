/**
 * Routing a swap over several venues: each venue's output for an input (a constant-product pool, a
 * Uniswap v3 pool within its current range), its gas cost, and the split of one order that gives the
 * most after gas. Pure functions of the venues' state; the keeper reads that state from the chain.
 */
package io.volvault.strategy.routing;

package io.volvault.greeks;

/** Output of the batch API: one array per Greek (structure of arrays), all of the same size. */
public final class GreeksColumns {

    public final double[] price;
    public final double[] delta;
    public final double[] gamma;
    public final double[] vega;
    public final double[] theta;
    public final double[] rho;
    public final double[] vanna;
    public final double[] volga;
    public final double[] charm;

    public GreeksColumns(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be zero or positive, got " + size);
        }
        price = new double[size];
        delta = new double[size];
        gamma = new double[size];
        vega = new double[size];
        theta = new double[size];
        rho = new double[size];
        vanna = new double[size];
        volga = new double[size];
        charm = new double[size];
    }

    public int size() {
        return price.length;
    }

    /** Row {@code i} as a value. */
    public Greeks get(int i) {
        return new Greeks(price[i], delta[i], gamma[i], vega[i], theta[i], rho[i], vanna[i], volga[i], charm[i]);
    }

    void set(int i, Greeks g) {
        price[i] = g.price();
        delta[i] = g.delta();
        gamma[i] = g.gamma();
        vega[i] = g.vega();
        theta[i] = g.theta();
        rho[i] = g.rho();
        vanna[i] = g.vanna();
        volga[i] = g.volga();
        charm[i] = g.charm();
    }
}

package com.alphacast.core.stats;

/**
 * The standard normal distribution. The CDF uses Hart's double-precision algorithm as given in G. West (2005),
 * "Better approximations to cumulative normal functions", Wilmott Magazine (absolute error below 1e-14), because
 * {@code Φ} sits inside BVC and Black–Scholes and must be both exact and allocation-free.
 */
public final class Normal {

    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private Normal() {
    }

    /** Density φ(x). */
    public static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** Cumulative distribution Φ(x). */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double a = Math.abs(x);
        double c;
        if (a > 37) {
            c = 0;
        } else {
            double e = Math.exp(-a * a / 2);
            if (a < 7.07106781186547) {
                double num = 3.52624965998911e-02 * a + 0.700383064443688;
                num = num * a + 6.37396220353165;
                num = num * a + 33.912866078383;
                num = num * a + 112.079291497871;
                num = num * a + 221.213596169931;
                num = num * a + 220.206867912376;
                double den = 8.83883476483184e-02 * a + 1.75566716318264;
                den = den * a + 16.064177579207;
                den = den * a + 86.7807322029461;
                den = den * a + 296.564248779674;
                den = den * a + 637.333633378831;
                den = den * a + 793.826512519948;
                den = den * a + 440.413735824752;
                c = e * num / den;
            } else {
                double b = a + 0.65;
                b = a + 4 / b;
                b = a + 3 / b;
                b = a + 2 / b;
                b = a + 1 / b;
                c = e / b / 2.506628274631;
            }
        }
        return x > 0 ? 1 - c : c;
    }
}

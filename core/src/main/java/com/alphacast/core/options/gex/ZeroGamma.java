package com.alphacast.core.options.gex;

import java.util.OptionalDouble;

/**
 * The gamma-flip level: where the dealer gamma profile first changes sign (linearly interpolated between the two
 * bracketing levels), or the reason there is none.
 *
 * @param level   the zero-gamma level, empty if the profile never changes sign
 * @param reason  why there is no level (null when there is one)
 * @param profile the profile it was found on
 */
public record ZeroGamma(OptionalDouble level, String reason, GammaProfile profile) {

    public static ZeroGamma find(GammaProfile profile) {
        double[] l = profile.levels();
        double[] g = profile.netGex();
        for (int i = 0; i < l.length; i++) {
            if (g[i] == 0) {
                return new ZeroGamma(OptionalDouble.of(l[i]), null, profile);
            }
            if (i + 1 < l.length && Math.signum(g[i]) * Math.signum(g[i + 1]) < 0) {
                double x = l[i] - g[i] * (l[i + 1] - l[i]) / (g[i + 1] - g[i]);
                return new ZeroGamma(OptionalDouble.of(x), null, profile);
            }
        }
        String sign = g.length > 0 && g[0] > 0 ? "positive" : "negative";
        return new ZeroGamma(OptionalDouble.empty(), "the gamma profile is " + sign + " at every level from "
                + round(l[0]) + " to " + round(l[l.length - 1]) + ": no sign change, so no zero-gamma level", profile);
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}

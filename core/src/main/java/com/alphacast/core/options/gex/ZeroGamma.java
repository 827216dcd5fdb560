package com.alphacast.core.options.gex;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The gamma-flip level: where the dealer gamma profile first changes sign (linearly interpolated between the two
 * bracketing levels), or the reason there is none. Convention: docs/analytics-conventions.md ("Options: zero-gamma
 * level"): a profile that never changes sign has no level, and none is extrapolated.
 *
 * <p>Only a true sign change counts: two adjacent levels of opposite sign, or a single level of exactly 0 strictly
 * between non-zero neighbours of opposite sign. Zeros elsewhere (a profile that is 0 everywhere because no contract
 * contributes, zeros at the ends where far-from-the-money gamma underflows, or a flat run of zeros between the two
 * signs, where the crossing is not unique) give no level and a reason.
 *
 * @param level   the zero-gamma level, empty if the profile never changes sign
 * @param reason  why there is no level (null when there is one)
 * @param profile the profile it was found on
 */
public record ZeroGamma(OptionalDouble level, String reason, GammaProfile profile) {

    public static ZeroGamma find(GammaProfile profile) {
        double[] l = profile.levels();
        double[] g = profile.netGex();
        int previous = -1; // last level with a non-zero value
        for (int i = 0; i < l.length; i++) {
            if (g[i] == 0) {
                continue;
            }
            if (previous >= 0 && Math.signum(g[previous]) != Math.signum(g[i])) {
                if (previous == i - 1) {
                    double x = l[previous] - g[previous] * (l[i] - l[previous]) / (g[i] - g[previous]);
                    return new ZeroGamma(OptionalDouble.of(x), null, profile);
                }
                if (previous == i - 2) {
                    return new ZeroGamma(OptionalDouble.of(l[i - 1]), null, profile);
                }
                return new ZeroGamma(OptionalDouble.empty(), "the gamma profile is exactly 0 from "
                        + round(l[previous + 1]) + " to " + round(l[i - 1]) + " between a " + sign(g[previous])
                        + " and a " + sign(g[i]) + " level: the crossing is not unique, so no zero-gamma level",
                        profile);
            }
            previous = i;
        }
        String range = " from " + round(l[0]) + " to " + round(l[l.length - 1]);
        if (previous < 0) {
            return new ZeroGamma(OptionalDouble.empty(), "the gamma profile is 0 at every level" + range
                    + ": no contract with IV and OI contributes (all expired as of the as-of date, IV = 0 or OI = 0),"
                    + " so no zero-gamma level", profile);
        }
        boolean zeros = Arrays.stream(g).anyMatch(v -> v == 0);
        return new ZeroGamma(OptionalDouble.empty(), "the gamma profile is " + sign(g[previous])
                + " at every level" + range + (zeros ? " where it is not 0" : "")
                + ": no sign change, so no zero-gamma level", profile);
    }

    private static String sign(double v) {
        return v > 0 ? "positive" : "negative";
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

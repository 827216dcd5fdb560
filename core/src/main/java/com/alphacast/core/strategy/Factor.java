package com.alphacast.core.strategy;

import java.util.Objects;

/**
 * One named reason behind a strategy's confidence, as premium subscribers see it.
 *
 * @param name         what was measured (e.g. {@code negative-gamma})
 * @param value        the raw measurement, in the unit the strategy documents
 * @param weight       the factor's share of the confidence (positive)
 * @param contribution weight × the measurement's score in [0, 1]
 */
public record Factor(String name, double value, double weight, double contribution) {

    public Factor {
        Objects.requireNonNull(name, "name");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("factor " + name + ": weight must be positive and finite, was " + weight);
        }
        if (!(contribution >= 0 && contribution <= weight)) {
            throw new IllegalArgumentException("factor " + name + ": contribution must be in [0, weight], was "
                    + contribution);
        }
    }

    /** A factor whose score is clipped to [0, 1] (NaN scores nothing) before it is weighted. */
    public static Factor scored(String name, double value, double weight, double score) {
        double clipped = Double.isNaN(score) ? 0 : Math.max(0, Math.min(1, score));
        return new Factor(name, value, weight, weight * clipped);
    }
}

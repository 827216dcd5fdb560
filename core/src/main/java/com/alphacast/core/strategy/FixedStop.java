package com.alphacast.core.strategy;

import com.alphacast.core.signal.Direction;

/**
 * Levels set from the entry alone: the stop {@code stopFraction} of the entry price against the trade, the target
 * {@code rewardToRisk} × that distance with it. Read from the strategy's {@code stopFraction} and
 * {@code rewardToRisk} parameters.
 */
record FixedStop(double stopFraction, double rewardToRisk) {

    static FixedStop read(StrategyParameters parameters, double defaultStopFraction) {
        return new FixedStop(parameters.decimal("stopFraction", defaultStopFraction, 1e-5, 0.2),
                parameters.decimal("rewardToRisk", 2, 0.1, 20));
    }

    double stop(double entry, Direction direction) {
        double risk = entry * stopFraction;
        return entry - direction.sign() * risk;
    }

    double target(double entry, Direction direction) {
        double risk = entry * stopFraction;
        return entry + direction.sign() * risk * rewardToRisk;
    }
}

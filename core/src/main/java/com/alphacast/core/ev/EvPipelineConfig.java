package com.alphacast.core.ev;

import java.util.List;

/**
 * Configuration of the options EV pipeline. Defaults ({@link #DEFAULT}) are the ones in
 * docs/analytics-conventions.md ("Options: EV pipeline"): risk weights 35% open interest,
 * 25% volume, 25% put/call ratio, 15% distance from spot; quality filter minimum EV 15 points and minimum
 * probability 60%; stages filter → enrich → sort.
 *
 * @param stages                stage names in order (see {@link EvPipeline#STAGE_NAMES})
 * @param weightOpenInterest    risk weight of open interest (0.35)
 * @param weightVolume          risk weight of volume (0.25)
 * @param weightPutCallRatio    risk weight of the put/call ratio at the strike (0.25)
 * @param weightDistance        risk weight of the distance from spot (0.15)
 * @param minExpectedValue      quality filter: EV at least this many option price points (15)
 * @param minProbability        quality filter: probability of profit at least this (0.60)
 * @param minOpenInterest       liquidity filter (default 1)
 * @param minVolume             liquidity filter (default 0)
 * @param maxSpreadFraction     liquidity filter: (ask − bid) / mid at most this (default 0.5)
 * @param maxDistanceFraction   moneyness filter and distance score scale: |K − S| / S at most this (default 0.10)
 * @param rate                  r for the EV stage's lognormal (default 0)
 */
public record EvPipelineConfig(List<String> stages, double weightOpenInterest, double weightVolume,
                               double weightPutCallRatio, double weightDistance, double minExpectedValue,
                               double minProbability, long minOpenInterest, long minVolume, double maxSpreadFraction,
                               double maxDistanceFraction, double rate) {

    public static final EvPipelineConfig DEFAULT = new EvPipelineConfig(
            List.of("liquidity-filter", "moneyness-filter", "risk-analysis", "expected-value", "quality-filter",
                    "sort"),
            0.35, 0.25, 0.25, 0.15, 15, 0.60, 1, 0, 0.5, 0.10, 0);

    public EvPipelineConfig {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("the pipeline needs at least one stage");
        }
        double total = weightOpenInterest + weightVolume + weightPutCallRatio + weightDistance;
        if (weightOpenInterest < 0 || weightVolume < 0 || weightPutCallRatio < 0 || weightDistance < 0
                || Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("risk weights must be >= 0 and sum to 1, sum was " + total);
        }
        if (!(minProbability >= 0 && minProbability <= 1)) {
            throw new IllegalArgumentException("minimum probability must be in [0, 1], was " + minProbability);
        }
        if (!(maxSpreadFraction > 0) || !(maxDistanceFraction > 0)) {
            throw new IllegalArgumentException("spread and distance limits must be positive");
        }
    }

    public EvPipelineConfig withStages(List<String> newStages) {
        return new EvPipelineConfig(newStages, weightOpenInterest, weightVolume, weightPutCallRatio, weightDistance,
                minExpectedValue, minProbability, minOpenInterest, minVolume, maxSpreadFraction, maxDistanceFraction,
                rate);
    }

    public EvPipelineConfig withQuality(double minEv, double minProb) {
        return new EvPipelineConfig(stages, weightOpenInterest, weightVolume, weightPutCallRatio, weightDistance,
                minEv, minProb, minOpenInterest, minVolume, maxSpreadFraction, maxDistanceFraction, rate);
    }
}

package com.alphacast.core.ev;

import com.alphacast.core.options.OptionContract;

import java.util.Objects;

/**
 * One strike (contract) moving through the {@link EvPipeline}. Enrichment fields are NaN until the stage that sets
 * them has run.
 *
 * @param contract        the option
 * @param yearsToExpiry   T in years (conventions: weekdays / 262, min 1/262)
 * @param premium         price paid per share (ask, or mid if no ask)
 * @param riskScore       0–100 risk-analysis score (higher = better supported, less risky)
 * @param probability     probability of profit at expiry, 0–1
 * @param expectedValue   expected profit at expiry, in option price points per share
 */
public record EvCandidate(OptionContract contract, double yearsToExpiry, double premium, double riskScore,
                          double probability, double expectedValue) {

    public EvCandidate {
        Objects.requireNonNull(contract, "contract");
    }

    public EvCandidate withRiskScore(double score) {
        return new EvCandidate(contract, yearsToExpiry, premium, score, probability, expectedValue);
    }

    public EvCandidate withExpectation(double probabilityOfProfit, double ev) {
        return new EvCandidate(contract, yearsToExpiry, premium, riskScore, probabilityOfProfit, ev);
    }
}

package com.alphacast.core.strategy;

import java.util.Optional;

/**
 * A trading rule: a pure function of the market view, the chain and time that proposes at most one candidate per
 * bar close. Implementations document their rules and parameters and check their window and freshness first.
 */
public interface Strategy {

    String name();

    Optional<Candidate> evaluate(StrategyContext context);
}

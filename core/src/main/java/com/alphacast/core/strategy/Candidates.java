package com.alphacast.core.strategy;

import com.alphacast.core.options.OptionContract;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import java.util.Optional;

/**
 * Builds the underlying-level signal of a candidate: deterministic id {@code <strategy>:<symbol>:<bar end>}, the
 * confidence from the rationale, and the chosen contract (if any) named at the front of the text subscribers read.
 */
final class Candidates {

    private Candidates() {
    }

    static Candidate of(String strategy, StrategyContext context, Direction direction, double entry, double stop,
                        double target, int quantity, String summary, Rationale rationale,
                        Optional<OptionContract> contract) {
        String symbol = context.view().symbol();
        String contractText = contract.map(c -> "contract " + c.symbol().compact() + " bid " + c.bid() + " ask "
                + c.ask() + " OI " + c.openInterest() + "; ").orElse("");
        Signal signal = new Signal(strategy + ":" + symbol + ":" + context.marketTime(), strategy, symbol, symbol,
                direction, entry, stop, target, quantity, rationale.confidence(),
                contractText + summary + " | " + rationale.describe(), context.marketTime(), context.observedAt());
        return new Candidate(signal, rationale, contract.map(OptionContract::symbol));
    }
}

package com.alphacast.core.strategy;

import com.alphacast.core.options.OptionContract;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.OptionLeg;
import com.alphacast.core.signal.Signal;
import java.util.Optional;

/**
 * Builds the signal of a candidate: deterministic id {@code <strategy>:<symbol>:<bar end>}, the confidence from the
 * rationale, the underlying's levels, and for an options strategy the chosen contract named at the front of the
 * text subscribers read and carried as the signal's {@link OptionLeg}: bought at the chain's ask, its premium stop
 * and target the underlying's stop and target distances scaled by the contract's |delta| (0.5, at the money, when
 * the chain gives none), on the cent. A contract without an ask, or whose premium levels round onto the entry, is
 * named but not traded as a leg.
 */
final class Candidates {

    private Candidates() {
    }

    static Candidate of(String strategy, StrategyContext context, Direction direction, double entry, double stop,
                        double target, int quantity, CharSequence summary, Rationale rationale,
                        Optional<OptionContract> contract) {
        String symbol = context.view().symbol();
        StringBuilder text = new StringBuilder(summary.length() + 48 * rationale.factors().size() + 80);
        if (contract.isPresent()) {
            OptionContract c = contract.get();
            text.append("contract ").append(c.symbol().compact()).append(" bid ").append(c.bid()).append(" ask ")
                    .append(c.ask()).append(" OI ").append(c.openInterest()).append("; ");
        }
        rationale.describeTo(text.append(summary).append(" | "));
        Signal signal = new Signal(strategy + ":" + symbol + ":" + context.marketTime(), strategy, symbol, symbol,
                direction, entry, stop, target, quantity, rationale.confidence(), text.toString(),
                context.marketTime(), context.observedAt(), contract.flatMap(c -> leg(c, entry, stop, target)));
        return new Candidate(signal, rationale, contract.map(OptionContract::symbol));
    }

    static Optional<OptionLeg> leg(OptionContract contract, double entry, double stop, double target) {
        double ask = contract.ask();
        if (!(ask > 0) || Double.isInfinite(ask)) {
            return Optional.empty();
        }
        double delta = Double.isFinite(contract.delta()) && contract.delta() != 0 ? Math.abs(contract.delta()) : 0.5;
        double premium = cents(ask);
        double premiumStop = Math.max(0.01, cents(premium - delta * Math.abs(entry - stop)));
        double premiumTarget = cents(premium + delta * Math.abs(target - entry));
        if (!(premiumStop < premium && premium < premiumTarget)) {
            return Optional.empty();
        }
        return Optional.of(new OptionLeg(contract.symbol(), premium, premiumStop, premiumTarget));
    }

    private static double cents(double price) {
        return Math.round(price * 100) / 100.0;
    }
}

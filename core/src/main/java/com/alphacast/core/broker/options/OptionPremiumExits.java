package com.alphacast.core.broker.options;

import com.alphacast.core.instrument.SymbolProperties;
import com.alphacast.core.market.Bar;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Exits of positions that hold an option contract, for the position function: at the end of each of the
 * underlying's bars since the fill, the position is judged by {@link OptionPositionExits} on the latest stored chain
 * taken at or before that bar (premium stop and target on the closing side of the quote, the expiry cutoff), and
 * the first bar that takes it out is the exit, so every evaluation reaches the same exit whatever order bars and
 * fills are checked in.
 */
public final class OptionPremiumExits {

    private final OptionPositionExits exits;
    private final OptionPaperBroker broker;
    private final OptionChainHistory chains;
    private final Function<OccSymbol, SymbolProperties> properties;

    public OptionPremiumExits(OptionPositionExits exits, OptionPaperBroker broker, OptionChainHistory chains,
                              Function<OccSymbol, SymbolProperties> properties) {
        this.exits = Objects.requireNonNull(exits, "exits");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.chains = Objects.requireNonNull(chains, "chains");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /** Whether {@code position} holds an option contract (its instrument is an OCC symbol) rather than the underlying. */
    public boolean holds(Position position) {
        return contract(position).isPresent();
    }

    /** Currency per premium point per contract of the contract held (100 for an equity option). */
    public double multiplier(Position position) {
        return properties.apply(occ(position)).multiplier();
    }

    /** The first of {@code bars} (the underlying's, in time order, since the fill) whose end takes the position out. */
    public Optional<PositionExit> firstExit(Position position, List<Bar> bars) {
        if (bars.isEmpty()) {
            return Optional.empty();
        }
        List<OptionChain> inEffect = chains.chainsInEffect(position.underlying(), position.openedAt(),
                bars.get(bars.size() - 1).end());
        int next = 0;
        OptionChain current = null;
        for (Bar bar : bars) {
            Instant end = bar.end();
            while (next < inEffect.size() && !takenAt(inEffect.get(next)).isAfter(end)) {
                current = inEffect.get(next++);
            }
            if (current == null) {
                continue;
            }
            Optional<PositionExit> exit = exits.exitAt(position, current, end);
            if (exit.isPresent()) {
                return exit;
            }
        }
        return Optional.empty();
    }

    /**
     * An operator's close at {@code time}: the closing side of the contract's quote in the latest chain at or before
     * it, slipped as a fill would be.
     *
     * @throws IllegalStateException when no stored chain quotes the contract's closing side (the request is retried)
     */
    public PositionExit closeAt(Position position, Instant time) {
        OccSymbol symbol = occ(position);
        OptionChain chain = chains.chainAtOrBefore(position.underlying(), time).orElseThrow(() ->
                new IllegalStateException("no option chain of " + position.underlying() + " at or before " + time
                        + " to close " + position.signalId() + " (" + symbol + ") at"));
        Direction closingSide = position.direction() == Direction.LONG ? Direction.SHORT : Direction.LONG;
        OptionContract contract = chain.contracts().stream().filter(c -> c.symbol().equals(symbol)).findFirst()
                .filter(c -> closingSide == Direction.SHORT ? c.bid() > 0 : c.ask() > 0)
                .orElseThrow(() -> new IllegalStateException(symbol + " has no " + (closingSide == Direction.SHORT
                        ? "bid" : "ask") + " in the " + position.underlying() + " chain as of " + takenAt(chain)
                        + " to close " + position.signalId() + " at"));
        return new PositionExit(position.signalId(), ExitReason.OPERATOR, broker.executionPrice(contract, closingSide),
                time.isAfter(position.openedAt()) ? time : position.openedAt());
    }

    private static Instant takenAt(OptionChain chain) {
        if (chain.asOfTime() == null) {
            throw new IllegalArgumentException("stored chain of " + chain.underlying() + " as of " + chain.asOf()
                    + " carries no time it was taken");
        }
        return chain.asOfTime().toInstant();
    }

    private static OccSymbol occ(Position position) {
        return contract(position).orElseThrow(() -> new IllegalArgumentException(position.signalId() + " holds "
                + position.instrument() + ", not an option contract"));
    }

    private static Optional<OccSymbol> contract(Position position) {
        if (position.instrument().equals(position.underlying())) {
            return Optional.empty();
        }
        try {
            return Optional.of(OccSymbol.parse(position.instrument()));
        } catch (IllegalArgumentException notAnOption) {
            return Optional.empty(); // a futures contract (ESU1) or other instrument the bars decide
        }
    }
}

package com.alphacast.core.strategy;

import com.alphacast.core.signal.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One instrument's strategies at work: on each bar close every strategy reads the same {@link StrategyContext},
 * the candidates of that bar go through the {@link ConflictResolver}, and the {@link Resolution} says which to
 * publish and which lost (with the reason). Pure: the worker hands the accepted signals and the rejections to its
 * I/O, the backtest to its ledger, so both run exactly this code.
 *
 * <p>The bar close is the hot path: when no strategy fires nothing is allocated here and {@link Resolution#NONE}
 * is returned. Strategies and the resolver keep per-instrument state (cool-downs, standing signals), so a desk
 * serves one instrument and is called from the thread that closes that instrument's bars; not thread-safe.
 */
public final class StrategyDesk {

    private final Strategy[] strategies;
    private final ConflictResolver resolver;
    /** The contract the instrument's signals trade and its tick; null: signals keep what their strategy set. */
    private final String tradedInstrument;
    private final double tickSize;

    /**
     * @param strategies evaluated in this order on every bar close (order matters only for reading logs: ties are
     *                   decided by the resolver's rule, not by evaluation order)
     * @param resolver   the instrument's conflict resolver
     */
    public StrategyDesk(List<? extends Strategy> strategies, ConflictResolver resolver) {
        this(strategies, resolver, null, Double.NaN);
    }

    private StrategyDesk(List<? extends Strategy> strategies, ConflictResolver resolver, String tradedInstrument,
                         double tickSize) {
        this.strategies = strategies.toArray(new Strategy[0]);
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.tradedInstrument = tradedInstrument;
        this.tickSize = tickSize;
        List<String> names = new ArrayList<>();
        for (Strategy strategy : this.strategies) {
            if (names.contains(strategy.name())) {
                throw new IllegalArgumentException("a desk runs each strategy once; " + strategy.name()
                        + " is given twice");
            }
            names.add(strategy.name());
        }
    }

    /**
     * A desk running the profile's strategies (fresh instances from {@code catalog}) and {@code alongside} (e.g. the
     * instrument's volume spike, configured in the settings rather than the profile), with the profile's resolver.
     */
    public static StrategyDesk of(StrategyProfile profile, StrategyCatalog catalog, List<? extends Strategy> alongside) {
        List<Strategy> all = new ArrayList<>(catalog.build(profile));
        all.addAll(alongside);
        return new StrategyDesk(all, profile.conflictResolver());
    }

    /**
     * This desk with every published signal on {@code instrument} (the contract that trades, e.g. ESU1 for the
     * feed's ES) and its levels on the contract's {@code tickSize} ({@link Signal#tradedAs}): strategies read the
     * feed's symbol and compute levels as fractions, the broker and subscribers need the contract and its tick.
     */
    public StrategyDesk tradedAs(String instrument, double tickSize) {
        Objects.requireNonNull(instrument, "instrument");
        if (!(tickSize > 0) || Double.isInfinite(tickSize)) {
            throw new IllegalArgumentException("tickSize must be a positive finite price step, was " + tickSize);
        }
        return new StrategyDesk(List.of(strategies), resolver, instrument, tickSize);
    }

    /** Evaluates every strategy on one bar close and resolves their candidates. */
    public Resolution onBarClosed(StrategyContext context) {
        Candidate single = null;
        List<Candidate> several = null;
        for (Strategy strategy : strategies) {
            Optional<Candidate> candidate = strategy.evaluate(context);
            if (candidate.isEmpty()) {
                continue;
            }
            if (single == null) {
                single = candidate.get();
            } else {
                if (several == null) {
                    several = new ArrayList<>(strategies.length);
                    several.add(single);
                }
                several.add(candidate.get());
            }
        }
        if (single == null) {
            return Resolution.NONE;
        }
        Resolution resolution = resolver.resolve(several == null ? List.of(single) : several);
        return tradedInstrument == null ? resolution : traded(resolution);
    }

    private Resolution traded(Resolution resolution) {
        List<Candidate> accepted = new ArrayList<>(resolution.accepted().size());
        for (Candidate candidate : resolution.accepted()) {
            accepted.add(new Candidate(candidate.signal().tradedAs(tradedInstrument, tickSize),
                    candidate.rationale(), candidate.contract()));
        }
        return new Resolution(accepted, resolution.rejected());
    }

    public List<String> strategyNames() {
        List<String> names = new ArrayList<>(strategies.length);
        for (Strategy strategy : strategies) {
            names.add(strategy.name());
        }
        return List.copyOf(names);
    }
}

package com.alphacast.core.strategy;

import com.alphacast.core.signal.Direction;
import com.alphacast.core.text.DecimalText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides between strategies that disagree on an instrument. Two candidates conflict when they are on the same
 * underlying, in opposite directions, and their market times are at most {@code window} apart. The rule:
 * <ol>
 *   <li>higher confidence wins;</li>
 *   <li>on equal confidence, the strategy earlier in the profile's {@code order} wins (a strategy not listed
 *       ranks after all listed ones);</li>
 *   <li>then the earlier market time; then the strategy name, so the outcome never depends on arrival order.</li>
 * </ol>
 * A signal already accepted stays published: a later opposite candidate inside the window must beat it by the rule
 * to be accepted, else it is rejected. Candidates of different strategies agreeing in direction never conflict;
 * a strategy repeating its own accepted direction on the underlying inside the window is rejected as a repeat
 * (a rule that holds for many bars would otherwise signal on each). Every loser is returned
 * as a {@link RejectedSignal} naming the winner and the deciding step. One instance per worker (it remembers the
 * last accepted signal of each underlying); not thread-safe.
 */
public final class ConflictResolver {

    private final Duration window;
    private final List<String> order;
    private final Map<String, Candidate> standing = new HashMap<>();
    private final Map<String, Candidate> lastOfStrategy = new HashMap<>();
    private final Comparator<Candidate> ranking;

    public ConflictResolver(Duration window, List<String> order) {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("the conflict window must be a non-negative duration, was " + window);
        }
        this.window = window;
        this.order = List.copyOf(order);
        this.ranking = Comparator.comparingDouble((Candidate c) -> -c.confidence())
                .thenComparingInt(c -> rank(c.signal().strategy()))
                .thenComparing(c -> c.signal().marketTime())
                .thenComparing(c -> c.signal().strategy());
    }

    /** Resolves the candidates of one bar close (any instruments) against each other and the standing signals. */
    public Resolution resolve(List<Candidate> candidates) {
        List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(ranking);
        List<Candidate> accepted = new ArrayList<>();
        List<RejectedSignal> rejected = new ArrayList<>();
        for (Candidate candidate : ranked) {
            Candidate earlier = lastOfStrategy.get(strategyKey(candidate));
            if (earlier != null && earlier.signal().direction() == candidate.signal().direction()
                    && within(earlier, candidate)) {
                rejected.add(new RejectedSignal(candidate.signal(), earlier.signal().id(), candidate.signal().strategy()
                        + " repeats its " + candidate.signal().direction() + " on " + candidate.signal().underlying()
                        + " within " + window));
                continue;
            }
            Candidate opponent = opponent(candidate, accepted);
            if (opponent == null) {
                Candidate previous = standing.get(candidate.signal().underlying());
                if (previous != null && conflicts(previous, candidate) && ranking.compare(previous, candidate) < 0) {
                    opponent = previous;
                }
            }
            if (opponent == null) {
                accepted.add(candidate);
                standing.put(candidate.signal().underlying(), candidate);
                lastOfStrategy.put(strategyKey(candidate), candidate);
            } else {
                rejected.add(new RejectedSignal(candidate.signal(), opponent.signal().id(), reason(opponent, candidate)));
            }
        }
        return new Resolution(accepted, rejected);
    }

    private Candidate opponent(Candidate candidate, List<Candidate> accepted) {
        for (Candidate winner : accepted) {
            if (conflicts(winner, candidate)) {
                return winner;
            }
        }
        return null;
    }

    private boolean conflicts(Candidate a, Candidate b) {
        Direction da = a.signal().direction();
        return a.signal().underlying().equals(b.signal().underlying()) && da != b.signal().direction()
                && within(a, b);
    }

    private boolean within(Candidate a, Candidate b) {
        return Duration.between(a.signal().marketTime(), b.signal().marketTime()).abs().compareTo(window) <= 0;
    }

    private static String strategyKey(Candidate candidate) {
        return candidate.signal().underlying() + "|" + candidate.signal().strategy();
    }

    private int rank(String strategy) {
        int index = order.indexOf(strategy);
        return index < 0 ? order.size() : index;
    }

    private String reason(Candidate winner, Candidate loser) {
        String step;
        if (winner.confidence() != loser.confidence()) {
            StringBuilder lower = new StringBuilder(32).append("lower confidence (");
            DecimalText.fixed(lower, loser.confidence(), 2).append(" < ");
            step = DecimalText.fixed(lower, winner.confidence(), 2).append(')').toString();
        } else if (rank(winner.signal().strategy()) != rank(loser.signal().strategy())) {
            step = "equal confidence, " + winner.signal().strategy() + " ranks first in the profile order";
        } else if (!winner.signal().marketTime().equals(loser.signal().marketTime())) {
            step = "equal confidence and rank, the winner came earlier";
        } else {
            step = "equal confidence, rank and time, decided by strategy name";
        }
        return loser.signal().strategy() + " " + loser.signal().direction() + " conflicts with "
                + winner.signal().strategy() + " " + winner.signal().direction() + " by "
                + winner.signal().underlying() + " within " + window + ": " + step;
    }
}

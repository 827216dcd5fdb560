package com.alphacast.bots.render;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TradeExit;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.OptionLeg;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides what each tier may see of a publication. This is the only place tier rules live:
 * <ul>
 *   <li>premium: everything (contract, entry, stop, target, size hint, confidence, rationale);</li>
 *   <li>basic: underlying, what to do with the view it expresses ({@code BUY PUT SPY (bearish)}) and an entry zone
 *       (not the exact entry, stop or target);</li>
 *   <li>free: a teaser for new signals, fills and stop moves, the result after the fact for exits and recaps.</li>
 * </ul>
 * A morning briefing carries its own validated text per tier; it is shown as it is.
 * <ul>
 * </ul>
 */
public final class BriefingComposer {

    /** Longest rationale rendered, in characters. */
    public static final int MAX_NARRATIVE = 32_768;

    private final double entryZoneShareOfRisk;
    private final String callToAction;

    /**
     * @param entryZoneShareOfRisk half-width of the basic tier's entry zone as a share of the signal's risk
     *                             (entry-to-stop distance), e.g. 0.1 → entry ± 10% of the risk
     * @param callToAction         upgrade invitation shown with teasers (plain text, e.g. "Upgrade with /subscribe")
     */
    public BriefingComposer(double entryZoneShareOfRisk, String callToAction) {
        if (!(entryZoneShareOfRisk > 0 && entryZoneShareOfRisk < 1)) {
            throw new IllegalArgumentException("entryZoneShareOfRisk must be in (0, 1), was " + entryZoneShareOfRisk);
        }
        this.entryZoneShareOfRisk = entryZoneShareOfRisk;
        this.callToAction = Objects.requireNonNull(callToAction, "callToAction");
    }

    /** Entry zone of ±10% of risk and a /subscribe invitation. */
    public static BriefingComposer standard() {
        return new BriefingComposer(0.1, "Get every detail in real time: /subscribe");
    }

    public Briefing compose(Publication publication, Tier tier) {
        Objects.requireNonNull(tier, "tier");
        if (publication instanceof Publication.NewSignal newSignal) {
            return signal(newSignal.signal(), tier);
        }
        if (publication instanceof Publication.Filled filled) {
            return fill(filled.fill(), filled.underlying(), tier);
        }
        if (publication instanceof Publication.TargetHit hit) {
            return exit(hit.exit(), tier);
        }
        if (publication instanceof Publication.StopHit hit) {
            return exit(hit.exit(), tier);
        }
        if (publication instanceof Publication.Closed closed) {
            return exit(closed.exit(), tier);
        }
        if (publication instanceof Publication.StopMoved moved) {
            return stopMoved(moved, tier);
        }
        if (publication instanceof Publication.DailyRecap recap) {
            return recap(recap, tier);
        }
        return morning((Publication.MorningBriefing) publication, tier);
    }

    private Briefing signal(Signal signal, Tier tier) {
        Tone tone = signal.direction() == Direction.LONG ? Tone.BULLISH : Tone.BEARISH;
        Stance stance = Stance.of(signal);
        List<Fact> facts = new ArrayList<>();
        switch (tier) {
            case PREMIUM -> {
                if (signal.option().isPresent()) {
                    // an options signal: the contract and its premium levels, the underlying's levels as context
                    OptionLeg leg = signal.option().get();
                    facts.add(Fact.code("Contract", leg.contract().compact()));
                    facts.add(Fact.of("Premium entry", Numbers.price(leg.entry())));
                    facts.add(Fact.of("Premium stop", Numbers.price(leg.stop())));
                    facts.add(Fact.of("Premium target", Numbers.price(leg.target())));
                    facts.add(Fact.of("Underlying", signal.underlying() + " " + Numbers.price(signal.entry())
                            + ", stop " + Numbers.price(signal.stop()) + ", target " + Numbers.price(signal.target())));
                } else {
                    facts.add(Fact.code("Contract", signal.instrument()));
                    facts.add(Fact.of("Entry", Numbers.price(signal.entry())));
                    facts.add(Fact.of("Stop", Numbers.price(signal.stop())));
                    facts.add(Fact.of("Target", Numbers.price(signal.target())));
                }
                facts.add(Fact.of("Size hint", signal.quantity() + (signal.quantity() == 1 ? " contract" : " contracts")));
                facts.add(Fact.of("Confidence", Numbers.percent(signal.confidence())));
                facts.add(Fact.of("Risk/reward", Numbers.ratio(signal.rewardPoints(), signal.riskPoints())));
                return new Briefing(tier, tone, stance.headline(signal.underlying()), facts,
                        narrative(signal.rationale()), "Strategy " + signal.strategy() + " · premium", "", signal.marketTime());
            }
            case BASIC -> {
                double halfWidth = signal.riskPoints() * entryZoneShareOfRisk;
                facts.add(Fact.of("Underlying", signal.underlying()));
                facts.add(Fact.of("Direction", stance.actionAndView()));
                facts.add(Fact.of("Entry zone", Numbers.price(signal.entry() - halfWidth) + " – "
                        + Numbers.price(signal.entry() + halfWidth)));
                return new Briefing(tier, tone, stance.headline(signal.underlying()), facts,
                        "", "basic", callToAction, signal.marketTime());
            }
            default -> {
                return new Briefing(tier, Tone.NEUTRAL, "New " + signal.underlying() + " signal for members", List.of(),
                        "", "free", callToAction, signal.marketTime());
            }
        }
    }

    private Briefing fill(Fill fill, String underlying, Tier tier) {
        Stance stance = Stance.of(fill.side(), fill.instrument());
        Tone tone = stance.bullish() ? Tone.BULLISH : Tone.BEARISH;
        String verb = fill.side() == Direction.LONG ? "Bought" : "Sold";
        return switch (tier) {
            case PREMIUM -> new Briefing(tier, tone, verb + " " + fill.quantity() + " " + fill.instrument(),
                    List.of(Fact.code("Contract", fill.instrument()), Fact.of("Price", Numbers.price(fill.price())),
                            Fact.of("Quantity", Integer.toString(fill.quantity()))),
                    "", "Order " + fill.orderId() + " · premium", "", fill.time());
            case BASIC -> new Briefing(tier, tone, "Position opened on " + underlying,
                    List.of(Fact.of("Underlying", underlying), Fact.of("Direction", stance.actionAndView())),
                    "", "basic", callToAction, fill.time());
            case FREE -> new Briefing(tier, Tone.NEUTRAL, "Members just entered a trade on " + underlying, List.of(),
                    "", "free", callToAction, fill.time());
        };
    }

    private Briefing exit(TradeExit exit, Tier tier) {
        String headline = exit.underlying() + " " + Stance.of(exit.direction(), exit.instrument()).held() + " "
                + exit.reason().description()
                + ": " + Numbers.signedPoints(exit.points()) + " pts";
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("Result", Numbers.signedPoints(exit.points()) + " pts"));
        if (tier == Tier.PREMIUM) {
            facts.add(0, Fact.code("Contract", exit.instrument()));
            facts.add(Fact.of("Entry", Numbers.price(exit.entryPrice())));
            facts.add(Fact.of("Exit", Numbers.price(exit.exitPrice())));
            facts.add(Fact.of("Quantity", Integer.toString(exit.quantity())));
            facts.add(Fact.of("Held", held(Duration.between(exit.openedAt(), exit.closedAt()))));
            facts.add(Fact.of("Realized P&L", Numbers.signedMoney(exit.realizedPnl())));
        }
        // The result after the fact is what free subscribers get: proof without the actionable detail.
        return new Briefing(tier, outcome(exit.points()), headline, facts, "", tier.key(),
                tier == Tier.PREMIUM ? "" : callToAction, exit.closedAt());
    }

    private Briefing stopMoved(Publication.StopMoved moved, Tier tier) {
        Stance stance = Stance.of(moved.direction(), moved.instrument());
        Tone tone = stance.bullish() ? Tone.BULLISH : Tone.BEARISH;
        String position = stance.right().isPresent() ? moved.underlying() + " " + stance.held()
                : stance.held() + " " + moved.underlying();
        return switch (tier) {
            case PREMIUM -> new Briefing(tier, tone, "Stop moved on " + position, List.of(Fact.code("Contract", moved.instrument()),
                            Fact.of("Previous stop", Numbers.price(moved.previousStop())),
                            Fact.of("New stop", Numbers.price(moved.newStop()))),
                    "", "premium", "", moved.at());
            case BASIC -> new Briefing(tier, tone, "Risk adjusted on " + position, List.of(Fact.of("Underlying", moved.underlying())),
                    "", "basic", callToAction, moved.at());
            case FREE -> new Briefing(tier, Tone.NEUTRAL, "Members adjusted a trade on " + moved.underlying(), List.of(),
                    "", "free", callToAction, moved.at());
        };
    }

    private Briefing recap(Publication.DailyRecap recap, Tier tier) {
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("Trades", Integer.toString(recap.trades())));
        facts.add(Fact.of("Win rate", Numbers.percent(recap.winRate())));
        if (tier != Tier.FREE) {
            facts.add(Fact.of("Net", Numbers.signedPoints(recap.netPoints()) + " pts"));
        }
        if (tier == Tier.PREMIUM) {
            facts.add(Fact.of("Realized P&L", Numbers.signedMoney(recap.netPnl())));
            facts.add(Fact.of("Best", Numbers.signedPoints(recap.bestPoints()) + " pts"));
            facts.add(Fact.of("Worst", Numbers.signedPoints(recap.worstPoints()) + " pts"));
        }
        return new Briefing(tier, outcome(recap.netPoints()), "Results " + recap.session(), facts, "", tier.key(),
                tier == Tier.PREMIUM ? "" : callToAction, recap.at());
    }

    /** The briefing's text was validated per tier where it was written; only its length is bounded here. */
    private Briefing morning(Publication.MorningBriefing briefing, Tier tier) {
        return new Briefing(tier, Tone.NEUTRAL, briefing.headline(), List.of(), narrative(briefing.textFor(tier)),
                "Morning briefing " + briefing.session() + " · " + tier.key(),
                tier == Tier.PREMIUM ? "" : callToAction, briefing.at());
    }

    private static Tone outcome(double points) {
        return points > 0 ? Tone.WIN : points < 0 ? Tone.LOSS : Tone.FLAT;
    }

    /**
     * A rationale cut to {@link #MAX_NARRATIVE} characters (on a code point boundary), with an ellipsis. That is
     * already eight Telegram messages; an unbounded one would be split into dozens per destination.
     */
    static String narrative(String rationale) {
        if (rationale.length() <= MAX_NARRATIVE) {
            return rationale;
        }
        int end = Character.isHighSurrogate(rationale.charAt(MAX_NARRATIVE - 1)) ? MAX_NARRATIVE - 1 : MAX_NARRATIVE;
        return rationale.substring(0, end) + "…";
    }

    private static String held(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        return minutes < 60 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }
}

package com.alphacast.core.briefing;

import static com.alphacast.core.briefing.FactIds.*;

import com.alphacast.core.distribution.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The deterministic briefing, written from the facts alone: used when no model is configured or reachable, or when
 * the model's answer failed validation twice. Premium gets every section, basic the session, prior levels, gap,
 * option levels and events, free a teaser that fits one X post. A section whose facts are missing is left out with
 * a line saying so and why; on an early-close day the briefing says when the market closes.
 */
public final class TemplateBriefing {

    /** A titled group of facts, in display order. */
    private record Section(String title, List<String> ids) {
    }

    private static final List<Section> PREMIUM = List.of(
            new Section("Prior session", List.of(PRIOR_OPEN, PRIOR_HIGH, PRIOR_LOW, PRIOR_CLOSE, PRIOR_VWAP, PRIOR_RANGE,
                    PRIOR_VOLUME)),
            new Section("Overnight", List.of(OVERNIGHT_HIGH, OVERNIGHT_LOW, OVERNIGHT_RANGE, OVERNIGHT_LAST, GAP_POINTS,
                    GAP_PERCENT)),
            new Section("Volatility and flow", List.of(VOL_REALIZED, VOL_REGIME, VPIN_LAST, VOLUME_BASELINE, VOLUME_RATIO)),
            new Section("Options", List.of(GEX_CHAIN_DATE, GEX_SPOT, GEX_CALL, GEX_PUT, GEX_NET, GEX_DEX, GEX_ZERO_GAMMA, GEX_CALL_WALL,
                    GEX_PUT_WALL, topStrike(1), topStrike(2), topStrike(3), GEX_PUT_CALL_RATIO)),
            new Section("Prior session's signals", List.of(SIGNALS_COUNT, SIGNALS_TARGETS, SIGNALS_STOPS, SIGNALS_OPEN,
                    SIGNALS_NET_POINTS)));

    private static final List<Section> BASIC = List.of(
            new Section("Prior session", List.of(PRIOR_HIGH, PRIOR_LOW, PRIOR_CLOSE)),
            new Section("Gap", List.of(GAP_POINTS, GAP_PERCENT)),
            new Section("Options", List.of(GEX_ZERO_GAMMA, GEX_CALL_WALL, GEX_PUT_WALL)));

    public BriefingText compose(FactSheet facts, Tier tier) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(tier, "tier");
        String title = facts.instrument() + " briefing for " + facts.sessionDate();
        return switch (tier) {
            case PREMIUM -> new BriefingText(tier, BriefingText.Source.TEMPLATE, title, body(facts, PREMIUM, true));
            case BASIC -> new BriefingText(tier, BriefingText.Source.TEMPLATE, title, body(facts, BASIC, false));
            case FREE -> new BriefingText(tier, BriefingText.Source.TEMPLATE, title, teaser(facts));
        };
    }

    /** "Opens 09:30 ET, closes 16:00 ET." or the early-close sentence; shared with the model's briefings. */
    public static String sessionLine(FactSheet facts) {
        Optional<Fact> close = facts.fact(SESSION_CLOSE);
        Optional<Fact> early = facts.fact(SESSION_EARLY_CLOSE);
        if (close.isPresent() && early.isPresent()) {
            return "Early close (" + early.get().display() + "): the market closes at " + close.get().displayWithUnit()
                    + ".";
        }
        String open = facts.fact(SESSION_OPEN).map(Fact::displayWithUnit).orElse(null);
        return open == null || close.isEmpty() ? ""
                : "Opens " + open + ", closes " + close.get().displayWithUnit() + ".";
    }

    private static String body(FactSheet facts, List<Section> sections, boolean full) {
        List<String> blocks = new ArrayList<>();
        String session = sessionLine(facts);
        if (!session.isEmpty()) {
            blocks.add(session);
        }
        for (Section section : sections) {
            blocks.add(section(facts, section, full));
        }
        blocks.add(events(facts));
        return blocks.stream().filter(b -> !b.isEmpty()).collect(Collectors.joining("\n\n"));
    }

    private static String section(FactSheet facts, Section section, boolean full) {
        List<Fact> present = section.ids().stream().map(facts::fact).flatMap(Optional::stream).toList();
        List<AbsentFact> absent = section.ids().stream().map(facts::absence).flatMap(Optional::stream).toList();
        if (present.isEmpty()) {
            if (absent.isEmpty()) {
                return "";
            }
            return section.title() + ": left out, " + reasons(absent) + ".";
        }
        StringBuilder text = new StringBuilder(section.title()).append('\n');
        for (Fact fact : present) {
            text.append("- ").append(fact.label()).append(": ").append(fact.displayWithUnit()).append('\n');
        }
        if (full && !absent.isEmpty()) {
            text.append("- not available: ").append(absent.stream().map(a -> a.id() + " (" + a.reason() + ")")
                    .collect(Collectors.joining("; "))).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static String events(FactSheet facts) {
        Optional<AbsentFact> missing = facts.absence(EVENTS_COUNT);
        if (missing.isPresent()) {
            return "Events: left out, " + missing.get().reason() + ".";
        }
        List<String> lines = new ArrayList<>();
        for (int rank = 1; facts.has(eventName(rank)); rank++) {
            lines.add("- " + facts.fact(eventTime(rank)).map(Fact::displayWithUnit).orElse("")
                    + " " + facts.fact(eventName(rank)).orElseThrow().display());
        }
        if (lines.isEmpty()) {
            return facts.has(EVENTS_COUNT) ? "Events: none scheduled." : "";
        }
        return "Events\n" + String.join("\n", lines);
    }

    private static String teaser(FactSheet facts) {
        List<String> parts = new ArrayList<>();
        String session = sessionLine(facts);
        if (facts.has(SESSION_EARLY_CLOSE)) {
            parts.add(session);
        }
        facts.fact(PRIOR_CLOSE).ifPresent(f -> parts.add("Prior close " + f.displayWithUnit() + "."));
        facts.fact(GEX_ZERO_GAMMA).ifPresent(f -> parts.add("Zero gamma " + f.displayWithUnit() + "."));
        parts.add("Levels, options and scenarios are in the members' briefing.");
        return String.join(" ", parts);
    }

    private static String reasons(List<AbsentFact> absent) {
        return absent.stream().map(AbsentFact::reason).distinct().collect(Collectors.joining("; "));
    }
}

package com.alphacast.core.briefing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every fact of one briefing: those computed, in display order, and those absent with their reason. An id is either
 * present or absent, never both, and never twice.
 *
 * @param instrument  what the briefing is about (e.g. "SPY", "ES")
 * @param sessionDate the trading day the briefing prepares for
 */
public record FactSheet(String instrument, LocalDate sessionDate, List<Fact> facts, List<AbsentFact> absent) {

    public FactSheet {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(sessionDate, "sessionDate");
        facts = List.copyOf(facts);
        absent = List.copyOf(absent);
        Map<String, String> seen = new LinkedHashMap<>();
        for (Fact fact : facts) {
            if (seen.put(fact.id(), "present") != null) {
                throw new IllegalArgumentException("fact " + fact.id() + " appears twice");
            }
        }
        for (AbsentFact fact : absent) {
            String before = seen.put(fact.id(), "absent");
            if (before != null) {
                throw new IllegalArgumentException("fact " + fact.id() + " is both " + before + " and absent");
            }
        }
    }

    public Optional<Fact> fact(String id) {
        return facts.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public Optional<Fact.Quantity> quantity(String id) {
        return fact(id).filter(Fact.Quantity.class::isInstance).map(Fact.Quantity.class::cast);
    }

    public Optional<AbsentFact> absence(String id) {
        return absent.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public boolean has(String id) {
        return fact(id).isPresent();
    }

    /** The facts whose id starts with {@code prefix} (e.g. "gex." for the options section), in display order. */
    public List<Fact> section(String prefix) {
        return facts.stream().filter(f -> f.id().startsWith(prefix)).toList();
    }

    /** The absences whose id starts with {@code prefix}. */
    public List<AbsentFact> absentIn(String prefix) {
        return absent.stream().filter(f -> f.id().startsWith(prefix)).toList();
    }

    /** Collects facts section by section; the facts keep the order they were added in. */
    public static final class Builder {
        private final String instrument;
        private final LocalDate sessionDate;
        private final List<Fact> facts = new ArrayList<>();
        private final List<AbsentFact> absent = new ArrayList<>();

        public Builder(String instrument, LocalDate sessionDate) {
            this.instrument = instrument;
            this.sessionDate = sessionDate;
        }

        public Builder add(Fact fact) {
            facts.add(Objects.requireNonNull(fact, "fact"));
            return this;
        }

        public Builder absent(String id, String reason) {
            absent.add(new AbsentFact(id, reason));
            return this;
        }

        public FactSheet build() {
            return new FactSheet(instrument, sessionDate, facts, absent);
        }
    }
}

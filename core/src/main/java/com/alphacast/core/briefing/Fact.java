package com.alphacast.core.briefing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One value our code computed for a briefing. Facts are the only source of numbers a briefing may print: the
 * model's answer is checked against them ({@code answer.AnswerValidator}) and the template writes nothing else.
 * An id is stable across days and releases (e.g. {@code prior.close}, {@code gex.zero_gamma}): prompts, answers and
 * charts refer to facts by id.
 */
public sealed interface Fact permits Fact.Quantity, Fact.Note, Fact.ClockTime {

    /** Lower-case dot-separated words of letters, digits and underscores, e.g. {@code gex.top_strike.1}. */
    Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

    String id();

    /** Short human label, e.g. "Prior close". */
    String label();

    /** The value as every briefing prints it, without the unit: "668.50", "08:30", "CPI". */
    String display();

    /** The display value with its unit or zone, as briefings print it: "3.92 bn USD per 1% move", "08:30 ET". */
    String displayWithUnit();

    /**
     * A number with its unit and display precision.
     *
     * @param precision decimal places shown (0–8); the value is printed rounded half-up to them
     */
    record Quantity(String id, String label, double value, Unit unit, int precision) implements Fact {
        public Quantity {
            requireId(id);
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(unit, "unit");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("fact " + id + ": value must be finite, was " + value
                        + " (an incomputable fact is absent with a reason)");
            }
            if (precision < 0 || precision > 8) {
                throw new IllegalArgumentException("fact " + id + ": precision must be 0..8, was " + precision);
            }
        }

        /** The value rounded to the display precision: what "equal at display precision" compares against. */
        public BigDecimal rounded() {
            return BigDecimal.valueOf(value).setScale(precision, RoundingMode.HALF_UP);
        }

        @Override
        public String display() {
            return rounded().toPlainString();
        }

        @Override
        public String displayWithUnit() {
            String suffix = unit.suffix();
            if (suffix.isEmpty()) {
                return display();
            }
            return unit == Unit.PERCENT || unit == Unit.RATIO ? display() + suffix : display() + " " + suffix;
        }
    }

    /** A word or phrase, e.g. the volatility regime "high" or an event name "CPI". */
    record Note(String id, String label, String text) implements Fact {
        public Note {
            requireId(id);
            Objects.requireNonNull(label, "label");
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("fact " + id + ": text must not be blank");
            }
        }

        @Override
        public String display() {
            return text;
        }

        @Override
        public String displayWithUnit() {
            return text;
        }
    }

    /** A time of day in a zone, e.g. a release at 08:30 New York time or an early close at 13:00. */
    record ClockTime(String id, String label, LocalTime time, ZoneId zone) implements Fact {
        private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

        public ClockTime {
            requireId(id);
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
        }

        @Override
        public String display() {
            return time.format(HH_MM);
        }

        /** "08:30 ET": New York and Chicago times carry the zone traders use for them. */
        @Override
        public String displayWithUnit() {
            String id = zone.getId();
            String abbreviation = id.equals("America/New_York") ? "ET" : id.equals("America/Chicago") ? "CT" : id;
            return display() + " " + abbreviation;
        }
    }

    private static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("fact id '" + id + "' must be lower-case dot-separated words, e.g. prior.close");
        }
    }
}

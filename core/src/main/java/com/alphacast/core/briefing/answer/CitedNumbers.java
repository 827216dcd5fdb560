package com.alphacast.core.briefing.answer;

import com.alphacast.core.briefing.Fact;
import com.alphacast.core.briefing.FactSheet;
import com.alphacast.core.briefing.Unit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers an answer's text may contain, and the check of a text against them
 * (docs/market-calendar-and-briefing-facts.md, "Validating an answer"). Allowed are, at display precision:
 * <ol>
 *   <li>every numeric fact's displayed value, and its absolute value (a gap of −12.50 may be written "12.50 points
 *       lower");</li>
 *   <li>for two facts of the same unit, price or points: their difference a − b of the displayed values, and its
 *       absolute value, at the larger precision (distance from spot to zero gamma);</li>
 *   <li>for two price facts: the percent difference (a − b) / b × 100 of the displayed values at 2 decimals, and its
 *       absolute value;</li>
 *   <li>a number followed by "%" only when it is a percent fact or a percent difference;</li>
 *   <li>times {@code HH:MM} (optionally am/pm) equal to a time fact, dates {@code yyyy-MM-dd} or "Month D[, yyyy]" /
 *       "D Month [yyyy]" equal to a date fact.</li>
 * </ol>
 * Digits glued to a preceding letter are part of a name (ES1, Q4) and not numbers; the fixed phrases in
 * {@link #NAMES} are removed first. Anything else numeric is a violation: counts and ordinals are written in words.
 */
final class CitedNumbers {

    /** Names and convention phrases that contain digits but cite nothing. */
    static final List<String> NAMES = List.of("S&P 500", "S&P500", "Nasdaq-100", "Nasdaq 100", "Russell 2000",
            "per 1% move", "1% move", "0DTE");

    private static final Pattern TOKEN = Pattern.compile(
            "(?<date>\\d{4}-\\d{2}-\\d{2})"
                    + "|(?<time>\\d{1,2}:\\d{2})(?:\\s?(?<ampm>[aApP]\\.?[mM]\\.?))?"
                    + "|(?<month>January|February|March|April|May|June|July|August|September|October|November|December"
                    + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.? (?<mday>\\d{1,2})(?:st|nd|rd|th)?"
                    + "(?:,? (?<myear>\\d{4}))?"
                    + "|(?<dmday>\\d{1,2}) (?<dmonth>January|February|March|April|May|June|July|August|September"
                    + "|October|November|December)(?: (?<dyear>\\d{4}))?"
                    + "|(?<number>[-+\u2212]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)");

    private final Set<String> numbers = new HashSet<>();
    /** What may be followed by "%": percent facts and percent differences. */
    private final Set<String> percents = new HashSet<>();
    private final Set<String> times = new HashSet<>();
    private final Set<LocalDate> dates = new HashSet<>();
    private final Set<String> ids = new HashSet<>();

    CitedNumbers(FactSheet facts) {
        List<Fact.Quantity> quantities = new ArrayList<>();
        for (Fact fact : facts.facts()) {
            ids.add(fact.id());
            if (fact instanceof Fact.Quantity q) {
                quantities.add(q);
                allow(q.rounded());
                allow(q.rounded().abs());
                if (q.unit() == Unit.PERCENT) {
                    percents.add(key(q.rounded()));
                    percents.add(key(q.rounded().abs()));
                }
            } else if (fact instanceof Fact.ClockTime t) {
                times.add(t.display());
            } else if (fact instanceof Fact.Note n && n.text().matches("\\d{4}-\\d{2}-\\d{2}")) {
                dates.add(LocalDate.parse(n.text()));
            }
        }
        dates.add(facts.sessionDate());
        for (Fact.Quantity a : quantities) {
            for (Fact.Quantity b : quantities) {
                if (a == b || a.unit() != b.unit() || (a.unit() != Unit.PRICE && a.unit() != Unit.POINTS)) {
                    continue;
                }
                BigDecimal difference = a.rounded().subtract(b.rounded())
                        .setScale(Math.max(a.precision(), b.precision()), RoundingMode.HALF_UP);
                allow(difference);
                allow(difference.abs());
                if (a.unit() == Unit.PRICE && b.rounded().signum() != 0) {
                    BigDecimal percent = difference.multiply(BigDecimal.valueOf(100))
                            .divide(b.rounded(), MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP);
                    allow(percent);
                    allow(percent.abs());
                    percents.add(key(percent));
                    percents.add(key(percent.abs()));
                }
            }
        }
    }

    private void allow(BigDecimal value) {
        numbers.add(key(value));
    }

    private static String key(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }

    /** Every number, time or date in {@code text} that is not allowed, each with the reason. */
    List<String> uncited(String text) {
        String scanned = text;
        for (String name : NAMES) {
            scanned = scanned.replace(name, " ".repeat(name.length()));
        }
        for (String id : ids.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            scanned = scanned.replace(id, " ".repeat(id.length()));
        }
        List<String> problems = new ArrayList<>();
        Matcher m = TOKEN.matcher(scanned);
        while (m.find()) {
            if (m.start() > 0 && Character.isLetter(scanned.charAt(m.start() - 1)) && m.group("number") != null) {
                continue;
            }
            if (m.group("date") != null) {
                try {
                    if (!dates.contains(LocalDate.parse(m.group("date")))) {
                        problems.add("date " + m.group("date") + " is not a date of the facts");
                    }
                } catch (DateTimeParseException e) {
                    problems.add(m.group("date") + " is not a valid date");
                }
            } else if (m.group("time") != null) {
                String time = time(m.group("time"), m.group("ampm"));
                if (time == null || !times.contains(time)) {
                    problems.add("time " + m.group() + " is not a time of the facts (" + String.join(", ", times.stream().sorted().toList()) + ")");
                }
            } else if (m.group("month") != null) {
                checkDate(m.group("month"), m.group("mday"), m.group("myear"), m.group(), problems);
            } else if (m.group("dmonth") != null) {
                checkDate(m.group("dmonth"), m.group("dmday"), m.group("dyear"), m.group(), problems);
            } else {
                String raw = m.group("number");
                String normalized = raw.replace("\u2212", "-").replace(",", "");
                if (normalized.startsWith("+")) {
                    normalized = normalized.substring(1);
                }
                String value = key(new BigDecimal(normalized));
                if (!numbers.contains(value)) {
                    problems.add(raw + " is not a fact's value at its display precision, nor a documented derived value");
                } else if (percentSignAfter(scanned, m.end()) && !percents.contains(value)) {
                    problems.add(raw + "% is not a percent fact nor a percent difference of two price facts");
                }
            }
        }
        return problems;
    }

    private static boolean percentSignAfter(String text, int end) {
        int at = end < text.length() && text.charAt(end) == ' ' ? end + 1 : end;
        return at < text.length() && text.charAt(at) == '%';
    }

    private void checkDate(String month, String day, String year, String written, List<String> problems) {
        boolean matches = dates.stream().anyMatch(d -> d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                .startsWith(month) && d.getDayOfMonth() == Integer.parseInt(day)
                && (year == null || d.getYear() == Integer.parseInt(year)));
        if (!matches) {
            problems.add("date \"" + written + "\" is not a date of the facts");
        }
    }

    private static String time(String clock, String ampm) {
        String[] parts = clock.split(":");
        int hour = Integer.parseInt(parts[0]);
        int minute = Integer.parseInt(parts[1]);
        if (ampm != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (Character.toLowerCase(ampm.charAt(0)) == 'p' ? 12 : 0);
        }
        if (hour > 23 || minute > 59) {
            return null;
        }
        return String.format(Locale.ROOT, "%02d:%02d", hour, minute);
    }
}

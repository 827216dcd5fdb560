package com.alphacast.cli.analyze;

import com.alphacast.core.feed.StrictDecimal;
import com.alphacast.core.text.TerminalText;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parsed {@code --name value}, {@code --name=value} and {@code --flag} arguments of one analyze subcommand. Only the
 * declared names are accepted, so a typo is a usage error instead of a silently ignored option.
 */
final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Options() {
    }

    static Options parse(List<String> args, Set<String> valued, Set<String> flagNames) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + TerminalText.excerpt(arg) + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagNames.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                o.flags.add(name);
                continue;
            }
            if (!valued.contains(name)) {
                throw new UsageException("unknown option --" + TerminalText.excerpt(name));
            }
            if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (o.values.put(name, value) != null) {
                throw new UsageException("--" + name + " given twice");
            }
        }
        return o;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("missing required option --" + name);
        }
        return v;
    }

    /**
     * A decimal in {@code (exclusiveMin, max]}: every numeric option has a documented range (cli/README.md), checked
     * here so a value like {@code 1e-9} or {@code 2147483647} is a usage error instead of exhausting memory later.
     */
    double number(String name, double fallback, double exclusiveMin, double max) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        double d = StrictDecimal.parseOrNaN(v.trim());
        if (d > exclusiveMin && d <= max) {
            return d;
        }
        throw new UsageException("--" + name + " must be a number greater than " + plain(exclusiveMin)
                + " and at most " + plain(max) + ", was '" + TerminalText.excerpt(v) + "'");
    }

    /** A whole number in {@code [min, max]}. */
    long wholeNumber(String name, long fallback, long min, long max) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        String t = v.trim();
        if (t.matches("[+-]?\\d{1,18}")) {
            long l = Long.parseLong(t);
            if (l >= min && l <= max) {
                return l;
            }
        }
        throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max + ", was '"
                + TerminalText.excerpt(v) + "'");
    }

    int wholeNumber(String name, int fallback, int min, int max) {
        return (int) wholeNumber(name, (long) fallback, min, (long) max);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    LocalDate date(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " must be a date like 2025-09-25, was '" + TerminalText.excerpt(v)
                    + "'");
        }
    }

    /**
     * Durations like {@code 1m}, {@code 30s}, {@code 500ms}, {@code 1h}, or ISO-8601 {@code PT1M}, within
     * {@code [min, max]}.
     */
    Duration duration(String name, Duration fallback, Duration min, Duration max) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        String s = v.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (s.length() > 32) {
                throw new NumberFormatException();
            } else if (s.startsWith("pt")) {
                d = Duration.parse(v.trim().toUpperCase(Locale.ROOT));
            } else if (s.endsWith("ms")) {
                d = Duration.ofMillis(digits(s, 2));
            } else if (s.endsWith("s")) {
                d = Duration.ofSeconds(digits(s, 1));
            } else if (s.endsWith("m")) {
                d = Duration.ofMinutes(digits(s, 1));
            } else if (s.endsWith("h")) {
                d = Duration.ofHours(digits(s, 1));
            } else {
                throw new NumberFormatException();
            }
            if (d.compareTo(min) >= 0 && d.compareTo(max) <= 0) {
                return d;
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a duration like 1m, 30s, 500ms or 1h from " + human(min)
                + " to " + human(max) + ", was '" + TerminalText.excerpt(v) + "'");
    }

    private static long digits(String s, int suffix) {
        String n = s.substring(0, s.length() - suffix);
        if (!n.matches("\\d{1,12}")) {
            throw new NumberFormatException(n);
        }
        return Long.parseLong(n);
    }

    private static String human(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        return d.toHours() > 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0 ? d.toHours() + "h"
                : d.toSeconds() + "s";
    }

    OutputFormat format() {
        String v = values.getOrDefault("format", "json");
        return switch (v) {
            case "json" -> OutputFormat.JSON;
            case "table" -> OutputFormat.TABLE;
            default -> throw new UsageException("--format must be json or table, was '" + TerminalText.excerpt(v) + "'");
        };
    }
}

package com.alphacast.core.feed.lean;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one CSV inside a Lean equity zip holds, read from its entry name, the layout Lean writes:
 * {@code 20131007_spy_Trade_Tick.csv} (tick trades) and {@code 20131007_spy_second_trade.csv} /
 * {@code 20131007_spy_second_quote.csv} (bars of one resolution). The name is what identifies the layout, because
 * the CSVs have no header.
 *
 * @param date       the session date (times in the file are milliseconds since its midnight, exchange time)
 * @param symbol     the ticker, upper case ({@code SPY})
 * @param resolution tick, second or minute
 * @param kind       trades or quotes
 */
public record LeanFile(LocalDate date, String symbol, Resolution resolution, Kind kind) {

    public enum Resolution { TICK, SECOND, MINUTE }

    public enum Kind { TRADE, QUOTE }

    private static final Pattern TICK = Pattern.compile("(\\d{8})_([a-z0-9.]{1,12})_(trade|quote)_tick\\.csv");
    private static final Pattern BARS = Pattern.compile("(\\d{8})_([a-z0-9.]{1,12})_(second|minute)_(trade|quote)\\.csv");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** The layout an entry name stands for, or empty when it is not a Lean equity CSV. */
    public static Optional<LeanFile> ofEntry(String entryName) {
        String name = entryName.substring(entryName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        Matcher tick = TICK.matcher(name);
        Matcher bars = BARS.matcher(name);
        try {
            if (tick.matches()) {
                return Optional.of(new LeanFile(LocalDate.parse(tick.group(1), DATE), tick.group(2).toUpperCase(Locale.ROOT),
                        Resolution.TICK, Kind.valueOf(tick.group(3).toUpperCase(Locale.ROOT))));
            }
            if (bars.matches()) {
                return Optional.of(new LeanFile(LocalDate.parse(bars.group(1), DATE), bars.group(2).toUpperCase(Locale.ROOT),
                        Resolution.valueOf(bars.group(3).toUpperCase(Locale.ROOT)),
                        Kind.valueOf(bars.group(4).toUpperCase(Locale.ROOT))));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty(); // 20131332_spy_... is not a date, so not Lean's layout
        }
        return Optional.empty();
    }
}

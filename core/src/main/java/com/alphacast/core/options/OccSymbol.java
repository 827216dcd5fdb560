package com.alphacast.core.options;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An OCC option symbol (OSI, 2010): root (1–6 characters: {@code SPY}, {@code SPXW}, {@code BRKB}, adjusted roots such
 * as {@code AAPL1}), expiry {@code YYMMDD}, right {@code C}/{@code P}, strike × 1000 in 8 digits. The padded form
 * puts the root in a 6-character field ({@code "SPY   251001C00500000"}); the compact form drops the padding
 * ({@code SPY251001C00500000}).
 *
 * <p>Parsing works from the END of the symbol, where the layout is fixed (the last 15 characters), so the right is
 * always the character nine from the end. A root's letters can never be mistaken for the right: the seed system's
 * bug, where every SPY option parsed as a put because "SPY" contains "P", cannot happen here.
 */
public record OccSymbol(String root, LocalDate expiry, OptionRight right, BigDecimal strike) {

    public OccSymbol {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(strike, "strike");
        if (root.isEmpty() || root.length() > 6 || !root.chars().allMatch(c -> (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9'))) {
            throw new IllegalArgumentException("OCC root must be 1-6 upper-case letters or digits, was '" + root + "'");
        }
        if (expiry.getYear() < 2000 || expiry.getYear() > 2099) {
            throw new IllegalArgumentException("OCC expiry must be in 2000-2099, was " + expiry);
        }
        if (strike.signum() <= 0 || strike.movePointRight(3).stripTrailingZeros().scale() > 0
                || strike.compareTo(new BigDecimal("99999.999")) > 0) {
            throw new IllegalArgumentException("OCC strike must be in (0, 99999.999] with at most 3 decimals, was "
                    + strike);
        }
        strike = strike.setScale(3, RoundingMode.UNNECESSARY);
    }

    /** Parses the padded or compact form. */
    public static OccSymbol parse(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        String s = symbol.strip();
        if (s.length() < 16 || s.length() > 21) {
            throw new IllegalArgumentException("not an OCC option symbol (16-21 characters): '" + symbol + "'");
        }
        int tail = s.length() - 15;
        String root = s.substring(0, tail).stripTrailing();
        String date = s.substring(tail, tail + 6);
        char right = s.charAt(tail + 6);
        String strike = s.substring(tail + 7);
        if (!date.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("OCC expiry must be YYMMDD, was '" + date + "' in '" + symbol + "'");
        }
        if (right != 'C' && right != 'P') {
            throw new IllegalArgumentException("OCC right must be C or P, was '" + right + "' in '" + symbol + "'");
        }
        if (!strike.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("OCC strike must be 8 digits, was '" + strike + "' in '" + symbol + "'");
        }
        LocalDate expiry;
        try {
            expiry = LocalDate.of(2000 + Integer.parseInt(date.substring(0, 2)), Integer.parseInt(date.substring(2, 4)),
                    Integer.parseInt(date.substring(4, 6)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("OCC expiry '" + date + "' is not a date in '" + symbol + "'");
        }
        try {
            return new OccSymbol(root, expiry, OptionRight.fromCode(right), new BigDecimal(strike).movePointLeft(3));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in '" + symbol + "'", e);
        }
    }

    public double strikeValue() {
        return strike.doubleValue();
    }

    /** Compact form, e.g. {@code SPY251001C00500000}. */
    public String compact() {
        return body(new StringBuilder(21).append(root)).toString();
    }

    /** Padded 21-character OSI form, e.g. {@code "SPY   251001C00500000"}. */
    public String padded() {
        StringBuilder out = new StringBuilder(21).append(root);
        while (out.length() < 6) {
            out.append(' ');
        }
        return body(out).toString();
    }

    // ASCII digits whatever the default locale, and no Formatter: options strategies name contracts on the feed thread
    private StringBuilder body(StringBuilder out) {
        zeroPadded(out, expiry.getYear() % 100, 2);
        zeroPadded(out, expiry.getMonthValue(), 2);
        zeroPadded(out, expiry.getDayOfMonth(), 2);
        out.append(right.code());
        zeroPadded(out, strike.movePointRight(3).longValueExact(), 8);
        return out;
    }

    private static void zeroPadded(StringBuilder out, long value, int width) {
        long limit = 10;
        for (int digits = 1; digits < width; digits++, limit *= 10) {
            if (value < limit) {
                out.append('0');
            }
        }
        out.append(value);
    }

    @Override
    public String toString() {
        return compact();
    }
}

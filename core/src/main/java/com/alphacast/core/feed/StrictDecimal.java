package com.alphacast.core.feed;

/**
 * The one decimal grammar every reader accepts: {@code [+-]digits[.digits][e[+-]digits]} (digits on at least one side
 * of the point), at most {@value #MAX_LENGTH} characters, and a finite result. {@link Double#parseDouble} alone
 * also takes {@code Infinity}, {@code NaN}, hexadecimal ({@code 0x1p3}), type suffixes ({@code 500d}, {@code 1f}) and
 * surrounding control characters, none of which is a number in a market data file.
 */
public final class StrictDecimal {

    public static final int MAX_LENGTH = 64;

    private StrictDecimal() {
    }

    /** @return the value, or NaN when {@code text} is not a finite decimal in the grammar above */
    public static double parseOrNaN(CharSequence text) {
        if (!isDecimal(text)) {
            return Double.NaN;
        }
        double value = Double.parseDouble(text.toString());
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /** @throws NumberFormatException naming what was wrong */
    public static double parse(CharSequence text) {
        double value = parseOrNaN(text);
        if (Double.isNaN(value)) {
            if (text != null && isDecimal(text)) {
                throw new NumberFormatException("out of the range of a finite number");
            }
            throw new NumberFormatException("not a decimal number");
        }
        return value;
    }

    static boolean isDecimal(CharSequence s) {
        if (s == null) {
            return false;
        }
        int n = s.length();
        if (n == 0 || n > MAX_LENGTH) {
            return false;
        }
        int i = 0;
        if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

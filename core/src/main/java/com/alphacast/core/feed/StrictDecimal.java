package com.alphacast.core.feed;

/**
 * The one decimal grammar every reader accepts: {@code [+-]digits[.digits][e[+-]digits]} (digits on at least one side
 * of the point), at most {@value #MAX_LENGTH} characters, and a finite result. {@link Double#parseDouble} alone
 * also takes {@code Infinity}, {@code NaN}, hexadecimal ({@code 0x1p3}), type suffixes ({@code 500d}, {@code 1f}) and
 * surrounding control characters, none of which is a number in a market data file.
 */
public final class StrictDecimal {

    public static final int MAX_LENGTH = 64;
    /** Significant digits a mantissa may have for {@link #exactValue} (all below 10^15 are exact doubles). */
    public static final int MAX_EXACT_DIGITS = 15;
    /** Largest |scale| for {@link #exactValue} (10^0 .. 10^22 are exact doubles). */
    public static final int MAX_EXACT_SCALE = 22;
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22};

    private StrictDecimal() {
    }

    /**
     * {@code mantissa × 10^scale} for a mantissa of at most {@value #MAX_EXACT_DIGITS} significant digits and
     * {@code |scale| ≤ } {@value #MAX_EXACT_SCALE} (the caller checks both): both operands are exact doubles, so one
     * multiplication or division gives the correctly rounded result, the same double as {@link Double#parseDouble}
     * on the text (Clinger's fast path). The byte and character decoders use it to read prices without a String.
     */
    public static double exactValue(long mantissa, int scale) {
        return scale >= 0 ? mantissa * POWERS_OF_TEN[scale] : mantissa / POWERS_OF_TEN[-scale];
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

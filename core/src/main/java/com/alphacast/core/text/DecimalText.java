package com.alphacast.core.text;

import java.util.Locale;

/**
 * Appends numbers to a {@link StringBuilder} exactly as {@link java.util.Formatter} writes them with
 * {@link Locale#ROOT} ({@code %.2f}, {@code %+.2f}, {@code %,.0f}, {@code %,d}, {@code %.4g}), without the
 * Formatter's garbage: {@code String.format} builds a Formatter, parses the pattern and looks up the locale's
 * symbols on every call, 2–3 KB per number, which was most of what the worker allocated per trade once the strategies
 * began writing their signals' text on the feed thread.
 *
 * <p>The Formatter rounds half-up on the decimal digits it computes for a double (the shortest that read back as it,
 * as {@code Double.toString}'s), not on the double's exact binary value: {@code 1.005} is {@code 1.00499999999999989…}
 * in binary yet prints as {@code 1.01}. Those digits lie within half an ulp of the exact value, so this class decides
 * from the exact value (the scaled product and its rounding error, computed without allocation) wherever that is
 * further than an ulp from a rounding tie. Next to a tie, the tie's own decimal decides: if it reads back as the
 * double ({@code 1.005}, {@code 0.225}), it is the double's digits and rounds up; if not, the digits lie on the
 * double's side of the tie. Only magnitudes outside the exactly scalable range (a {@code %.Ng} value under 10^(N−23), or
 * more than 2^40 units of the last digit written) are handed to the Formatter itself.
 */
public final class DecimalText {

    /** Most decimals {@link #fixed} writes and most significant digits {@link #significant} writes. */
    public static final int MAX_DIGITS = 9;

    private static final double[] POW10 = {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long[] LONG_POW10 = {
            1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
            10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
            1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L};
    /** Scaled values up to here leave the digits' half-ulp far below a rounding unit (2^-12 of one). */
    private static final double MAX_SCALED = 0x1p40;
    /** 2^27 + 1: splits a double into two halves whose products are exact (Veltkamp). */
    private static final double SPLITTER = 134217729.0;
    private static final long UNDECIDED = -1;

    private DecimalText() {
    }

    /** {@code value} as {@code %.Nf} writes it with {@code decimals} = N. */
    public static StringBuilder fixed(StringBuilder out, double value, int decimals) {
        return fixed(out, value, decimals, false, false);
    }

    /** {@code value} as {@code %+.Nf} writes it: a sign always, {@code +0.00} for zero. */
    public static StringBuilder signedFixed(StringBuilder out, double value, int decimals) {
        return fixed(out, value, decimals, true, false);
    }

    /** {@code value} as {@code %,.Nf} writes it: thousands separated by commas. */
    public static StringBuilder groupedFixed(StringBuilder out, double value, int decimals) {
        return fixed(out, value, decimals, false, true);
    }

    /** {@code value} as {@code %,d} writes it. */
    public static StringBuilder grouped(StringBuilder out, long value) {
        if (value == Long.MIN_VALUE) {
            return out.append("-9,223,372,036,854,775,808");
        }
        if (value < 0) {
            out.append('-');
        }
        appendDigits(out, Math.abs(value), 0, true);
        return out;
    }

    /** {@code value} as {@code %+d} writes it. */
    public static StringBuilder signed(StringBuilder out, long value) {
        return value >= 0 ? out.append('+').append(value) : out.append(value);
    }

    /**
     * {@code value} as {@code %.Ng} writes it with {@code digits} = N: rounded to N significant digits, in decimal
     * notation from 10^-4 up to 10^N and in scientific notation ({@code 1.235e+04}) outside that range.
     */
    public static StringBuilder significant(StringBuilder out, double value, int digits) {
        requireDigits(digits, 1, "significant digits");
        if (!Double.isFinite(value)) {
            return nonFinite(out, value, false);
        }
        boolean negative = Double.compare(value, 0.0) < 0;
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            out.append(negative ? "-0" : "0");
            if (digits > 1) {
                out.append('.');
                zeros(out, digits - 1);
            }
            return out;
        }
        int exponent = (int) Math.floor(Math.log10(magnitude));
        // log10 may miss by one next to a power of ten; the rounded digits' count says which way
        for (int attempt = 0; attempt < 3; attempt++) {
            long rounded = roundedAtPowerOfTen(magnitude, exponent - digits + 1);
            if (rounded == UNDECIDED) {
                break;
            }
            if (rounded < LONG_POW10[digits - 1]) {
                exponent--;
                continue;
            }
            if (rounded > LONG_POW10[digits]) {
                exponent++;
                continue;
            }
            if (rounded == LONG_POW10[digits]) { // 9.9996 to four digits: 10.00, one power of ten up
                rounded = LONG_POW10[digits - 1];
                exponent++;
            }
            if (negative) {
                out.append('-');
            }
            if (exponent >= -4 && exponent < digits) {
                int decimals = digits - 1 - exponent;
                appendDigits(out, rounded, decimals, false);
            } else {
                appendDigits(out, rounded, digits - 1, false);
                out.append(exponent < 0 ? "e-" : "e+");
                int size = Math.abs(exponent);
                if (size < 10) {
                    out.append('0');
                }
                out.append(size);
            }
            return out;
        }
        return out.append(String.format(Locale.ROOT, "%." + digits + "g", value));
    }

    private static StringBuilder fixed(StringBuilder out, double value, int decimals, boolean plus, boolean group) {
        requireDigits(decimals, 0, "decimals");
        if (!Double.isFinite(value)) {
            return nonFinite(out, value, plus);
        }
        boolean negative = Double.compare(value, 0.0) < 0;
        long rounded = roundedAtPowerOfTen(Math.abs(value), -decimals);
        if (rounded == UNDECIDED) {
            return out.append(String.format(Locale.ROOT, (plus ? "%+" : group ? "%," : "%") + "." + decimals + "f",
                    value));
        }
        if (negative) {
            out.append('-');
        } else if (plus) {
            out.append('+');
        }
        appendDigits(out, rounded, decimals, group);
        return out;
    }

    /**
     * {@code magnitude} (≥ 0, finite) in units of 10^power, rounded half-up as the Formatter rounds it, or
     * {@link #UNDECIDED} outside the range where this class computes that exactly.
     */
    private static long roundedAtPowerOfTen(double magnitude, int power) {
        if (magnitude == 0) {
            return 0;
        }
        if (power <= 0) {
            if (-power >= POW10.length) {
                return UNDECIDED;
            }
            double scale = POW10[-power];
            double scaled = magnitude * scale;
            if (!(scaled < MAX_SCALED)) {
                return UNDECIDED;
            }
            double error = productError(magnitude, scale, scaled); // magnitude × scale = scaled + error, exactly
            double whole = Math.floor(scaled);
            // The sign of the exact distance above the tie at whole + ½ (each step is exact or keeps the sign; zero
            // only on the tie itself). The Formatter's digits are within half an ulp, less than one scaled ulp.
            double aboveHalf = (scaled - whole - 0.5) + error;
            if (aboveHalf > 2 * Math.ulp(scaled)) {
                return (long) whole + 1;
            }
            if (aboveHalf < -2 * Math.ulp(scaled)) {
                return (long) whole;
            }
            // Next to the tie its decimal decides: when it reads back as this double, the digits are that decimal
            // (no other with as few decimals lies within half an ulp), which rounds up; otherwise they lie on the
            // double's own side of the tie.
            double tie = (2 * whole + 1) / (2 * scale);
            return aboveHalf >= 0 || tie == magnitude ? (long) whole + 1 : (long) whole;
        }
        if (power >= LONG_POW10.length || !(magnitude < MAX_SCALED)) {
            return UNDECIDED;
        }
        // An integer tie is a double itself, so the digits of any other double lie on that double's side of it.
        double whole = Math.floor(magnitude);
        long integer = (long) whole;
        long unit = LONG_POW10[power];
        double aboveHalf = (integer % unit - unit / 2) + (magnitude - whole);
        return aboveHalf >= 0 ? integer / unit + 1 : integer / unit;
    }

    /** The exact {@code a × b − product} for {@code product = fl(a × b)} (Dekker's two-product, no fused multiply). */
    private static double productError(double a, double b, double product) {
        double t = SPLITTER * a;
        double aHigh = t - (t - a);
        double aLow = a - aHigh;
        t = SPLITTER * b;
        double bHigh = t - (t - b);
        double bLow = b - bHigh;
        return ((aHigh * bHigh - product) + aHigh * bLow + aLow * bHigh) + aLow * bLow;
    }

    /** {@code units} (≥ 0) as a number with {@code decimals} digits after the point, optionally grouped by three. */
    private static void appendDigits(StringBuilder out, long units, int decimals, boolean group) {
        long scale = LONG_POW10[decimals];
        long integer = units / scale;
        if (group) {
            appendGrouped(out, integer);
        } else {
            out.append(integer);
        }
        if (decimals > 0) {
            out.append('.');
            long fraction = units % scale;
            for (int place = decimals - 1; place > 0 && fraction < LONG_POW10[place]; place--) {
                out.append('0');
            }
            out.append(fraction);
        }
    }

    private static void appendGrouped(StringBuilder out, long integer) {
        if (integer < 1000) {
            out.append(integer);
            return;
        }
        appendGrouped(out, integer / 1000);
        long group = integer % 1000;
        out.append(',');
        if (group < 100) {
            out.append('0');
        }
        if (group < 10) {
            out.append('0');
        }
        out.append(group);
    }

    private static StringBuilder nonFinite(StringBuilder out, double value, boolean plus) {
        if (Double.isNaN(value)) {
            return out.append("NaN");
        }
        return out.append(value < 0 ? "-Infinity" : plus ? "+Infinity" : "Infinity");
    }

    private static void zeros(StringBuilder out, int count) {
        for (int i = 0; i < count; i++) {
            out.append('0');
        }
    }

    private static void requireDigits(int digits, int least, String what) {
        if (digits < least || digits > MAX_DIGITS) {
            throw new IllegalArgumentException(what + " must be in [" + least + ", " + MAX_DIGITS + "], was " + digits);
        }
    }
}

package com.alphacast.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Formatter is the oracle: every value must come out exactly as {@code String.format(Locale.ROOT, …)} writes it. */
class DecimalTextTest {

    private static final double[] EDGES = {
            0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1e-300, 1e300,
            0.5, 1.5, 2.5, -2.5, 0.225, 0.045, 0.125, 0.375, -0.125, 2.675, 1.005, 1.015, 1.025, 0.045, 8.345, 1.0005, 0.0001,
            0.00009995, 0.000099995, 0.0001234, 0.00001234, 9.9995, 9.99949, 99.995, 999.95, 9999.5, 9999.4, 9999.6,
            10000, 12345, 12355, 99995, 123456789, 1_234_567.5, 1_234_567.49, 1e9, 1.5e12, 0x1p40, 0x1p40 - 1,
            0x1p52, 0x1p53 + 2, 1e15, 1e17, 4.35, 0.1 + 0.2, 1 / 3.0, 2 / 3.0, -1e-5, -0.004, -0.005, -0.0049, 0.995,
            9.5, 99.5, 0.95, 0.0095, 5e-5, 4.9999999999999996e-5, 1e-4, 9.99999e-5, 1e22, 1e23, 1e-22, 1e-23};

    @Test
    void writesEdgeValuesAsTheFormatterDoes() {
        for (double value : EDGES) {
            agreesOnEverySpecifier(value);
        }
    }

    @Test
    void writesRandomValuesOfEveryMagnitudeAsTheFormatterDoes() {
        SplittableRandom random = new SplittableRandom(20261204);
        for (int i = 0; i < 60_000; i++) {
            int decade = random.nextInt(-9, 14);
            double value = random.nextDouble() * Math.pow(10, decade) * (random.nextBoolean() ? 1 : -1);
            agreesOnEverySpecifier(value);
        }
    }

    @Test
    void writesRoundingTiesAsTheFormatterDoes() {
        // exact binary ties (k/2^n), decimal ties that are not exact in binary (x.xx5), and their neighbours
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double binaryTie = random.nextInt(-1_000_000, 1_000_000) / (double) (1 << random.nextInt(0, 12));
            double decimalTie = (random.nextInt(-1_000_000, 1_000_000) + 0.5) / Math.pow(10, random.nextInt(0, 7));
            for (double value : new double[] {binaryTie, decimalTie, Math.nextUp(decimalTie),
                    Math.nextDown(decimalTie)}) {
                agreesOnEverySpecifier(value);
            }
        }
    }

    @Test
    void writesIntegersGroupedAndSignedAsTheFormatterDoes() {
        SplittableRandom random = new SplittableRandom(11);
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 999L, 1000L, -1000L, 1_000_000L, 1_000_001L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
        for (int i = 0; i < 10_000; i++) {
            values.add(random.nextLong() >> random.nextInt(0, 63));
        }
        for (long value : values) {
            assertEquals(String.format(Locale.ROOT, "%,d", value),
                    DecimalText.grouped(new StringBuilder(), value).toString(), () -> "%,d of " + value);
            assertEquals(String.format(Locale.ROOT, "%+d", value),
                    DecimalText.signed(new StringBuilder(), value).toString(), () -> "%+d of " + value);
        }
    }

    @Test
    void appendsToWhatTheBuilderAlreadyHolds() {
        StringBuilder text = new StringBuilder("z ");
        DecimalText.fixed(text, 2.345, 1).append(", VPIN ");
        DecimalText.significant(text, 0.000012345, 4);
        assertEquals("z 2.3, VPIN 1.235e-05", text.toString());
    }

    @Test
    void refusesDigitCountsItCannotWrite() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> DecimalText.fixed(new StringBuilder(), 1.0, 10));
        assertEquals("decimals must be in [0, 9], was 10", tooMany.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> DecimalText.significant(new StringBuilder(), 1.0, 0));
        assertEquals("significant digits must be in [1, 9], was 0", none.getMessage());
    }

    @Test
    void allocatesNothingForOrdinaryValues() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        StringBuilder text = new StringBuilder(256);
        // ordinary values, and decimal ties that are not ties in binary (the Formatter's digits decide those)
        double[] values = {3.2178, -0.4411, 0.731, 1_234_567.25, 41.6, 0.0731, 12_345.678, 2.94e9, 0.225, 0.045,
                1.005, 2.675, 0.125, 99.995};
        for (int warm = 0; warm < 20_000; warm++) { // let the JIT compile it, as on the feed thread
            write(text, values[warm % values.length]);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 10_000; i++) {
            write(text, values[i % values.length]);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // the counter's own reading costs a few dozen bytes; String.format costs ~2 KB per number
        assertTrue(allocated < 1_000, () -> allocated + " bytes for 10,000 texts of five numbers");
    }

    private static void write(StringBuilder text, double value) {
        text.setLength(0);
        DecimalText.fixed(text, value, 2);
        DecimalText.signedFixed(text, value, 1);
        DecimalText.groupedFixed(text, value, 0);
        DecimalText.significant(text, value, 4);
        DecimalText.significant(text, value, 3);
    }

    private static void agreesOnEverySpecifier(double value) {
        for (int decimals = 0; decimals <= 4; decimals++) {
            agrees("%." + decimals + "f", value, DecimalText.fixed(new StringBuilder(), value, decimals));
        }
        agrees("%.9f", value, DecimalText.fixed(new StringBuilder(), value, 9));
        agrees("%+.2f", value, DecimalText.signedFixed(new StringBuilder(), value, 2));
        agrees("%+.0f", value, DecimalText.signedFixed(new StringBuilder(), value, 0));
        agrees("%,.0f", value, DecimalText.groupedFixed(new StringBuilder(), value, 0));
        agrees("%,.2f", value, DecimalText.groupedFixed(new StringBuilder(), value, 2));
        for (int digits = 1; digits <= 9; digits++) {
            agrees("%." + digits + "g", value, DecimalText.significant(new StringBuilder(), value, digits));
        }
    }

    private static void agrees(String specifier, double value, StringBuilder written) {
        String expected = String.format(Locale.ROOT, specifier, value);
        if (!expected.contentEquals(written)) {
            assertEquals(expected, written.toString(), specifier + " of " + value + " (" + Double.toString(value)
                    + ")");
        }
    }
}

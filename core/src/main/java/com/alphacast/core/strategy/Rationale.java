package com.alphacast.core.strategy;

import com.alphacast.core.text.DecimalText;
import java.util.List;

/**
 * The factors behind a candidate; its confidence is Σ contribution / Σ weight, so it is in [0, 1] by construction.
 */
public record Rationale(List<Factor> factors) {

    public Rationale {
        factors = List.copyOf(factors);
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("a rationale needs at least one factor");
        }
    }

    public double confidence() {
        return Math.round(sum(factors, true) / sum(factors, false) * 100) / 100.0;
    }

    /**
     * The contributions' or weights' sum exactly as {@code DoubleStream.sum()} gives it (Kahan's compensated
     * summation, the JDK's final step and its NaN rule), without the stream's objects: a plain sum differs in the
     * last bit and moves a confidence such as 0.525 − 1 ulp across the rounding to hundredths.
     */
    private static double sum(List<Factor> factors, boolean contributions) {
        double sum = 0;
        double compensation = 0;
        double simple = 0;
        for (int i = 0; i < factors.size(); i++) {
            double value = contributions ? factors.get(i).contribution() : factors.get(i).weight();
            double corrected = value - compensation;
            double next = sum + corrected;
            compensation = (next - sum) - corrected;
            sum = next;
            simple += value;
        }
        double total = sum - compensation;
        return Double.isNaN(total) && Double.isInfinite(simple) ? simple : total;
    }

    /** {@code name=value (contribution/weight)} for each factor, in order. */
    public String describe() {
        return describeTo(new StringBuilder(40 * factors.size())).toString();
    }

    /**
     * Appends {@link #describe()}'s text to {@code out}: the value to four significant digits, contribution and weight
     * to two decimals ({@code %.4g}, {@code %.2f}), written without a Formatter since it runs on the feed thread.
     */
    public StringBuilder describeTo(StringBuilder out) {
        for (int i = 0; i < factors.size(); i++) {
            Factor factor = factors.get(i);
            if (i > 0) {
                out.append("; ");
            }
            out.append(factor.name()).append('=');
            DecimalText.significant(out, factor.value(), 4).append(" (");
            DecimalText.fixed(out, factor.contribution(), 2).append('/');
            DecimalText.fixed(out, factor.weight(), 2).append(')');
        }
        return out;
    }
}

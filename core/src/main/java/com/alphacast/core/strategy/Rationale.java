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
        double weight = 0;
        double contribution = 0;
        for (Factor factor : factors) {
            weight += factor.weight();
            contribution += factor.contribution();
        }
        return Math.round(contribution / weight * 100) / 100.0;
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

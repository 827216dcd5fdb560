package com.alphacast.core.strategy;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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
        double weight = factors.stream().mapToDouble(Factor::weight).sum();
        double contribution = factors.stream().mapToDouble(Factor::contribution).sum();
        return Math.round(contribution / weight * 100) / 100.0;
    }

    /** {@code name=value (contribution/weight)} for each factor, in order. */
    public String describe() {
        return factors.stream()
                .map(f -> String.format(Locale.ROOT, "%s=%.4g (%.2f/%.2f)", f.name(), f.value(), f.contribution(),
                        f.weight()))
                .collect(Collectors.joining("; "));
    }
}

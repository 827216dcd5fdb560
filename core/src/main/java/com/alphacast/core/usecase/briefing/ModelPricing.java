package com.alphacast.core.usecase.briefing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A model's list prices in US dollars per million tokens (zero for a local server).
 */
public record ModelPricing(BigDecimal usdPerMillionInput, BigDecimal usdPerMillionOutput) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public ModelPricing {
        Objects.requireNonNull(usdPerMillionInput, "usdPerMillionInput");
        Objects.requireNonNull(usdPerMillionOutput, "usdPerMillionOutput");
        if (usdPerMillionInput.signum() < 0 || usdPerMillionOutput.signum() < 0) {
            throw new IllegalArgumentException("prices must not be negative, were " + usdPerMillionInput + " and "
                    + usdPerMillionOutput);
        }
    }

    public static ModelPricing free() {
        return new ModelPricing(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Cost of the tokens, to a millionth of a dollar. */
    public BigDecimal cost(long inputTokens, long outputTokens) {
        return usdPerMillionInput.multiply(BigDecimal.valueOf(inputTokens))
                .add(usdPerMillionOutput.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, 6, RoundingMode.HALF_UP);
    }
}

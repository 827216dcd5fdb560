package com.alphacast.core.usecase.briefing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * What one answer consumed, recorded with each briefing.
 *
 * @param provider     {@code openai}, {@code azure-openai}, {@code bedrock}, ...
 * @param model        the model id the provider reports (or the one asked for when it reports none)
 * @param inputTokens  prompt tokens over every attempt that was billed
 * @param outputTokens completion tokens over every attempt that was billed
 * @param latency      from the first request to the answer, retries and waits included
 * @param attempts     requests sent (1 when the first one answered)
 * @param costUsd      inputTokens and outputTokens at the configured prices
 */
public record ModelUsage(String provider, String model, long inputTokens, long outputTokens, Duration latency,
                         int attempts, BigDecimal costUsd) {
    public ModelUsage {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(costUsd, "costUsd");
        if (inputTokens < 0 || outputTokens < 0 || attempts < 1) {
            throw new IllegalArgumentException("tokens must be >= 0 and attempts >= 1, were " + inputTokens + "/"
                    + outputTokens + "/" + attempts);
        }
    }
}

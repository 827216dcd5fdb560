package com.alphacast.localcloud.function;

import java.util.Optional;

/**
 * What happened to one function so far.
 *
 * @param invocations     handler invocations (one per batch)
 * @param records         records delivered to the handler across all invocations
 * @param failedRecords   records reported as failed: listed in {@code batchItemFailures}, part of a batch whose handler
 *                        threw or timed out, or not deliverable (oversized)
 * @param errors          invocations that threw or timed out
 * @param coldStarts      execution environments created (each one built its own handler instance)
 * @param peakConcurrency the most invocations that ran at the same time, i.e. environments busy at once
 * @param lastError       the most recent failure, for test diagnostics
 */
public record FunctionStats(long invocations, long records, long failedRecords, long errors, long coldStarts,
                            int peakConcurrency, Optional<String> lastError) {

    public static FunctionStats none() {
        return new FunctionStats(0, 0, 0, 0, 0, 0, Optional.empty());
    }
}

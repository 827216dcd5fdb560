package com.alphacast.localcloud.function.sqs;

import com.alphacast.localcloud.function.EventSourceDefinition;
import com.alphacast.localcloud.function.EventSourceRunner;
import com.alphacast.localcloud.function.LocalFunction;
import com.alphacast.localcloud.function.RunnerServices;
import java.util.OptionalInt;

/**
 * A validated SQS event of a function: which queue, how records are batched, whether the handler reports
 * partial batch failures and how many batches may be processed at once.
 *
 * @param maximumConcurrency {@code ScalingConfig.MaximumConcurrency}: at most this many concurrent invocations from
 *                           this mapping (empty: Lambda's own scaling, which starts at {@link #DEFAULT_CONCURRENCY})
 */
public record SqsEventSource(String functionLogicalId, String eventName, String queueLogicalId, int batchSize,
                             int maximumBatchingWindowSeconds, boolean reportBatchItemFailures, boolean enabled,
                             OptionalInt maximumConcurrency)
        implements EventSourceDefinition {

    /**
     * Lambda starts an SQS mapping with five concurrent batches and scales out from there while messages remain; the
     * local cloud keeps the five (a 2-core machine gains nothing from more) unless MaximumConcurrency says otherwise.
     */
    public static final int DEFAULT_CONCURRENCY = 5;

    /** How many batches of this mapping run at once: its MaximumConcurrency, or Lambda's starting five. */
    public int concurrency() {
        return maximumConcurrency.orElse(DEFAULT_CONCURRENCY);
    }

    @Override
    public String type() {
        return "SQS";
    }

    @Override
    public EventSourceRunner newRunner(LocalFunction function, RunnerServices services) {
        return new SqsQueuePoller(this, function, services);
    }
}

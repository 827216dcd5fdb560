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
 *                           this mapping (empty: {@link #DEFAULT_CONCURRENCY} here; Lambda would start at five)
 */
public record SqsEventSource(String functionLogicalId, String eventName, String queueLogicalId, int batchSize,
                             int maximumBatchingWindowSeconds, boolean reportBatchItemFailures, boolean enabled,
                             OptionalInt maximumConcurrency)
        implements EventSourceDefinition {

    /**
     * Lambda starts an SQS mapping with five concurrent batches and scales out while messages remain. The local cloud
     * runs one unless the template sets MaximumConcurrency: with five pollers on every mapping, the pipeline tests
     * that drive a queue to its dead-letter queue (visibility timeouts of a few seconds, ElasticMQ's redrive on
     * receive) failed now and then on a loaded 2-core machine. One cause is known and swept since
     * ({@link com.alphacast.localcloud.sqs.RedriveGhostSweeper}); the default stays one because tests that set a
     * visibility timeout below the function's Timeout rely on a queue's one poller not receiving a record again while
     * its invocation runs. Where concurrency matters the template says so (DeliveriesQueue 5, MarketBarsQueue 2),
     * which is also what AWS then runs.
     */
    public static final int DEFAULT_CONCURRENCY = 1;

    /** How many batches of this mapping run at once: its MaximumConcurrency, or one. */
    public int concurrency() {
        return maximumConcurrency.orElse(DEFAULT_CONCURRENCY);
    }

    @Override
    public int concurrentInvocations() {
        return concurrency();
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

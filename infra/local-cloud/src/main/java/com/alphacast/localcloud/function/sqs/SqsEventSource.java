package com.alphacast.localcloud.function.sqs;

import com.alphacast.localcloud.function.EventSourceDefinition;
import com.alphacast.localcloud.function.EventSourceRunner;
import com.alphacast.localcloud.function.LocalFunction;
import com.alphacast.localcloud.function.RunnerServices;

/**
 * A validated SQS event of a function: which queue, how records are batched and whether the handler reports
 * partial batch failures.
 */
public record SqsEventSource(String functionLogicalId, String eventName, String queueLogicalId, int batchSize,
                             int maximumBatchingWindowSeconds, boolean reportBatchItemFailures, boolean enabled)
        implements EventSourceDefinition {

    @Override
    public String type() {
        return "SQS";
    }

    @Override
    public EventSourceRunner newRunner(LocalFunction function, RunnerServices services) {
        return new SqsQueuePoller(this, function, services);
    }
}

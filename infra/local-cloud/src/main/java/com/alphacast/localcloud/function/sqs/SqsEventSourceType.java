package com.alphacast.localcloud.function.sqs;

import com.alphacast.localcloud.function.EventSourceDefinition;
import com.alphacast.localcloud.function.EventSourceType;
import com.alphacast.localcloud.function.FunctionEvent;
import com.alphacast.localcloud.function.PlanningContext;
import com.alphacast.localcloud.sqs.QueueDefinition;
import com.alphacast.localcloud.template.Properties;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** SAM {@code Type: SQS} events: validated against the limits Lambda's event source mapping enforces. */
public final class SqsEventSourceType implements EventSourceType {

    public static final Set<String> HONOURED = Set.of("Queue", "BatchSize", "MaximumBatchingWindowInSeconds",
            "FunctionResponseTypes", "Enabled", "ScalingConfig");
    /** Encryption and metrics of the mapping: nothing to apply in-process. */
    public static final Set<String> IGNORED = Set.of("KmsKeyArn", "MetricsConfig");

    @Override
    public String type() {
        return "SQS";
    }

    @Override
    public Optional<EventSourceDefinition> define(FunctionEvent event, Properties properties, PlanningContext context) {
        properties.allowOnly(HONOURED, IGNORED);
        String queueArn = properties.requiredString("Queue");
        QueueDefinition queue = context.queueByArn(queueArn).orElseThrow(() -> properties.refuse("Queue",
                "'" + queueArn + "' is not a queue of this template (use !GetAtt <Queue>.Arn)"));
        if (context.enforceVisibilityTimeoutRule() && queue.visibilityTimeoutSeconds() < event.functionTimeoutSeconds()) {
            throw properties.refuse("Queue", "queue " + queue.logicalId() + " has VisibilityTimeout "
                    + queue.visibilityTimeoutSeconds() + " s, shorter than the function's Timeout of "
                    + event.functionTimeoutSeconds() + " s; Lambda refuses such an event source mapping (records"
                    + " would be redelivered while still being processed); tests may relax this with"
                    + " allowVisibilityTimeoutBelowFunctionTimeout()");
        }
        int window = properties.integer("MaximumBatchingWindowInSeconds", 0, 300).orElse(0);
        int batchSize = properties.integer("BatchSize", 1, queue.fifo() ? 10 : 10_000).orElse(10);
        if (batchSize > 10 && window < 1) {
            throw properties.refuse("BatchSize", batchSize
                    + " needs MaximumBatchingWindowInSeconds of at least 1 (Lambda's rule for batches above 10)");
        }
        if (queue.fifo() && window > 0) {
            throw properties.refuse("MaximumBatchingWindowInSeconds", "not supported for FIFO queues");
        }
        List<String> responseTypes = properties.strings("FunctionResponseTypes");
        for (String responseType : responseTypes) {
            if (!responseType.equals("ReportBatchItemFailures")) {
                throw properties.refuse("FunctionResponseTypes", "'" + responseType
                        + "' is not a response type (only ReportBatchItemFailures exists)");
            }
        }
        boolean enabled = properties.bool("Enabled").orElse(true);
        OptionalInt maximumConcurrency = OptionalInt.empty();
        Optional<Properties> scaling = properties.object("ScalingConfig");
        if (scaling.isPresent()) {
            scaling.get().allowOnly(Set.of("MaximumConcurrency"), Set.of());
            maximumConcurrency = scaling.get().integer("MaximumConcurrency", 2, 1000)
                    .map(OptionalInt::of).orElse(OptionalInt.empty());
        }
        return Optional.of(new SqsEventSource(event.functionLogicalId(), event.eventName(), queue.logicalId(), batchSize, window,
                responseTypes.contains("ReportBatchItemFailures"), enabled, maximumConcurrency));
    }
}

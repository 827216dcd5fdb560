package com.alphacast.localcloud.function;

import com.alphacast.localcloud.sqs.QueueDefinition;
import com.alphacast.localcloud.template.StackResolver;
import java.util.Map;
import java.util.Optional;

/**
 * What an {@link EventSourceType} may consult while validating an event: the resolver, the stack's queues and
 * whether Lambda's rule "queue visibility timeout at least the function timeout" is enforced (tests may relax it to
 * see retries within a second while functions keep their production timeouts).
 */
public record PlanningContext(StackResolver resolver, Map<String, QueueDefinition> queuesByLogicalId,
                              boolean enforceVisibilityTimeoutRule) {

    public PlanningContext {
        queuesByLogicalId = Map.copyOf(queuesByLogicalId);
    }

    public Optional<QueueDefinition> queueByArn(String arn) {
        return queuesByLogicalId.values().stream()
                .filter(q -> resolver.queueArn(q.logicalId()).equals(arn))
                .findFirst();
    }
}

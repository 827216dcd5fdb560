package com.alphacast.localcloud.function;

import com.alphacast.localcloud.function.http.HttpApiDefinition;
import com.alphacast.localcloud.sqs.QueueDefinition;
import com.alphacast.localcloud.template.StackResolver;
import java.util.Map;
import java.util.Optional;

/**
 * What an {@link EventSourceType} may consult while validating an event: the resolver, the stack's queues and HTTP
 * APIs, and whether Lambda's rule "queue visibility timeout at least the function timeout" is enforced (tests may
 * relax it to see retries within a second while functions keep their production timeouts).
 */
public record PlanningContext(StackResolver resolver, Map<String, QueueDefinition> queuesByLogicalId,
                              Map<String, HttpApiDefinition> httpApisByLogicalId,
                              boolean enforceVisibilityTimeoutRule) {

    public PlanningContext {
        queuesByLogicalId = Map.copyOf(queuesByLogicalId);
        httpApisByLogicalId = Map.copyOf(httpApisByLogicalId);
    }

    public Optional<QueueDefinition> queueByArn(String arn) {
        return queuesByLogicalId.values().stream()
                .filter(q -> resolver.queueArn(q.logicalId()).equals(arn))
                .findFirst();
    }

    /** The HTTP API an event's {@code ApiId} (a resolved {@code !Ref}) names. */
    public Optional<HttpApiDefinition> httpApiByRef(String apiId) {
        return httpApisByLogicalId.values().stream()
                .filter(api -> resolver.httpApiId(api.logicalId()).equals(apiId))
                .findFirst();
    }
}

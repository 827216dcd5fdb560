package com.alphacast.localcloud.function.http;

import com.alphacast.localcloud.function.EventSourceDefinition;
import com.alphacast.localcloud.function.EventSourceRunner;
import com.alphacast.localcloud.function.LocalFunction;
import com.alphacast.localcloud.function.RunnerServices;
import java.util.Optional;

/**
 * A validated HttpApi event: which API and route invoke the function, how long the gateway waits for it (its
 * integration timeout, TimeoutInMillis; the function's own Timeout applies too) and the route's throttling.
 */
public record HttpApiRoute(String functionLogicalId, String eventName, HttpApiDefinition api, RoutePattern pattern,
                           long integrationTimeoutMillis, Optional<RouteThrottle> throttle) implements EventSourceDefinition {

    @Override
    public String type() {
        return "HttpApi";
    }

    /** What identifies the route on the shared local endpoint: stage prefix and route key. */
    public String localKey() {
        return api.pathPrefix() + " " + pattern.routeKey();
    }

    @Override
    public EventSourceRunner newRunner(LocalFunction function, RunnerServices services) {
        return new HttpRouteRunner(this, function, services.httpGateway().orElseThrow(() -> new IllegalStateException(
                "HttpApi route " + pattern.routeKey() + " of " + functionLogicalId + " has no gateway to serve it")));
    }
}

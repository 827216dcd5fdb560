package com.alphacast.localcloud.function.http;

import com.alphacast.localcloud.function.EventSourceDefinition;
import com.alphacast.localcloud.function.EventSourceType;
import com.alphacast.localcloud.function.FunctionEvent;
import com.alphacast.localcloud.function.PlanningContext;
import com.alphacast.localcloud.template.Properties;
import java.util.Optional;
import java.util.Set;

/**
 * SAM {@code Type: HttpApi} events: a route (or the {@code $default} route when Path and Method are both absent) of
 * the API named by ApiId, or of SAM's implicit API. Only what the local gateway can honour is accepted: payload format
 * 2.0, integration timeout, throttling; authorizers are refused (nothing here could check a token).
 */
public final class HttpApiEventSourceType implements EventSourceType {

    public static final Set<String> HONOURED = Set.of("ApiId", "Method", "Path", "PayloadFormatVersion",
            "TimeoutInMillis", "RouteSettings");
    /** API Gateway's longest integration timeout, and the default. */
    static final int MAX_INTEGRATION_TIMEOUT_MILLIS = 30_000;

    @Override
    public String type() {
        return "HttpApi";
    }

    @Override
    public Optional<EventSourceDefinition> define(FunctionEvent event, Properties properties, PlanningContext context) {
        properties.allowOnly(HONOURED, Set.of());
        HttpApiDefinition api = properties.string("ApiId")
                .map(id -> context.httpApiByRef(id).orElseThrow(() -> properties.refuse("ApiId", "'" + id
                        + "' is not an AWS::Serverless::HttpApi of this template (use !Ref <HttpApi>)")))
                .orElseGet(HttpApiDefinition::implicit);
        Optional<String> path = properties.string("Path");
        Optional<String> method = properties.string("Method");
        if (path.isPresent() != method.isPresent()) {
            throw properties.refuse(path.isPresent() ? "Method" : "Path", "Path and Method go together (give both,"
                    + " or neither for the $default route)");
        }
        RoutePattern pattern;
        try {
            pattern = path.isEmpty() ? RoutePattern.defaultRoute() : new RoutePattern(method.get(), path.get());
        } catch (IllegalArgumentException e) {
            throw properties.refuse(e.getMessage().startsWith("method") ? "Method" : "Path", e.getMessage());
        }
        String format = properties.string("PayloadFormatVersion").orElse("2.0");
        if (!format.equals("2.0")) {
            throw properties.refuse("PayloadFormatVersion", "'" + format + "': the local cloud sends only API Gateway's"
                    + " payload format 2.0");
        }
        int timeoutMillis = properties.integer("TimeoutInMillis", 50, MAX_INTEGRATION_TIMEOUT_MILLIS)
                .orElse(MAX_INTEGRATION_TIMEOUT_MILLIS);
        Optional<RouteThrottle> throttle = properties.object("RouteSettings").flatMap(HttpApiDefinition::throttle)
                .or(api::defaultThrottle);
        return Optional.of(new HttpApiRoute(event.functionLogicalId(), event.eventName(), api, pattern,
                timeoutMillis, throttle));
    }
}

package com.alphacast.localcloud.function.http;

import com.alphacast.localcloud.template.Properties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code AWS::Serverless::HttpApi} (or SAM's implicit {@code ServerlessHttpApi}): its stage, stage variables and
 * the throttling every route gets unless the route's own settings say otherwise.
 */
public record HttpApiDefinition(String logicalId, String stageName, Map<String, String> stageVariables,
                                Optional<RouteThrottle> defaultThrottle) {

    /** SAM's logical id of the API it creates for HttpApi events without ApiId. */
    public static final String IMPLICIT_API = "ServerlessHttpApi";
    public static final String DEFAULT_STAGE = "$default";
    public static final Set<String> HONOURED = Set.of("StageName", "StageVariables", "DefaultRouteSettings");
    /** Names, logs, metrics, tags and custom domains change nothing about how a request is answered. */
    public static final Set<String> IGNORED = Set.of("Name", "Description", "Tags", "PropagateTags", "AccessLogSettings",
            "FailOnWarnings", "Domain", "DisableExecuteApiEndpoint");
    /** Route settings that only tune logs and metrics. */
    static final Set<String> IGNORED_ROUTE_SETTINGS = Set.of("DetailedMetricsEnabled", "LoggingLevel", "DataTraceEnabled");
    /** API Gateway's account-level defaults, used for whichever of the two limits a template leaves out. */
    private static final int ACCOUNT_BURST_LIMIT = 5_000;
    private static final double ACCOUNT_RATE_LIMIT = 10_000;

    public HttpApiDefinition {
        stageVariables = Map.copyOf(stageVariables);
    }

    public static HttpApiDefinition implicit() {
        return new HttpApiDefinition(IMPLICIT_API, DEFAULT_STAGE, Map.of(), Optional.empty());
    }

    /** Validates the resource's resolved, honoured properties (unknown ones were already refused). */
    public static HttpApiDefinition from(String logicalId, Properties properties) {
        String stage = properties.string("StageName").orElse(DEFAULT_STAGE);
        if (!stage.equals(DEFAULT_STAGE) && !stage.matches("[A-Za-z0-9_-]{1,128}")) {
            throw properties.refuse("StageName", "'" + stage + "' is not a stage name ($default or letters, digits, _ and -)");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        properties.object("StageVariables").ifPresent(v -> v.values().keySet().forEach(name ->
                variables.put(name, v.requiredString(name))));
        Optional<RouteThrottle> throttle = properties.object("DefaultRouteSettings").flatMap(HttpApiDefinition::throttle);
        return new HttpApiDefinition(logicalId, stage, variables, throttle);
    }

    /** Throttling of a route-settings mapping (DefaultRouteSettings, or an event's RouteSettings); other keys refused. */
    static Optional<RouteThrottle> throttle(Properties settings) {
        settings.allowOnly(Set.of("ThrottlingBurstLimit", "ThrottlingRateLimit"), IGNORED_ROUTE_SETTINGS);
        Optional<Integer> burst = settings.integer("ThrottlingBurstLimit", 0, Integer.MAX_VALUE);
        Optional<Double> rate = settings.string("ThrottlingRateLimit").map(text -> {
            try {
                double value = Double.parseDouble(text.trim());
                if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                    throw settings.refuse("ThrottlingRateLimit", "'" + text + "' is not a non-negative number");
                }
                return value;
            } catch (NumberFormatException e) {
                throw settings.refuse("ThrottlingRateLimit", "'" + text + "' is not a number");
            }
        });
        if (burst.isEmpty() && rate.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RouteThrottle(burst.orElse(ACCOUNT_BURST_LIMIT), rate.orElse(ACCOUNT_RATE_LIMIT)));
    }

    /** Path prefix of the stage on the local endpoint: none for {@code $default}, else {@code /<stage>}. */
    public String pathPrefix() {
        return stageName.equals(DEFAULT_STAGE) ? "" : "/" + stageName;
    }
}

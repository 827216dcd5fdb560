package com.alphacast.localcloud.function;

import com.alphacast.localcloud.template.Properties;
import com.alphacast.localcloud.template.ResourceDeclaration;
import com.alphacast.localcloud.template.StackResolver;
import com.alphacast.localcloud.template.TemplateRefusedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An {@code AWS::Serverless::Function} after {@code Globals.Function} was merged in and intrinsics were resolved.
 *
 * @param codeUri     the function's deployment package as the template names it (a .jar/.zip or a directory,
 *                    relative to the template's directory); empty when the template gives none
 * @param environment the template's {@code Environment.Variables} with local names and URLs (without the
 *                    AWS_* variables the runtime adds)
 * @param snapStart   {@code SnapStart.ApplyOn: PublishedVersions} with an {@code AutoPublishAlias} (SAM then points
 *                    the function's event sources at the alias, i.e. at a published version, so SnapStart applies):
 *                    Lambda initializes such a function when the version is published, before any event, and tells
 *                    it so with {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}; the local cloud builds every
 *                    function when the stack starts, so it says the same
 * @param reservedConcurrency {@code ReservedConcurrentExecutions}: at most this many execution environments of the
 *                    function run at once (empty: no cap but the event sources' own)
 */
public record FunctionDefinition(String logicalId, String functionName, String functionArn, String handler,
                                 Optional<String> codeUri, int timeoutSeconds, int memorySizeMb,
                                 Map<String, String> environment, List<EventSourceDefinition> events,
                                 boolean snapStart, OptionalInt reservedConcurrency) {

    public static final Set<String> HONOURED = Set.of("Handler", "CodeUri", "Runtime", "Timeout", "MemorySize",
            "Environment", "Events", "FunctionName", "ReservedConcurrentExecutions");
    /** Permissions, deployment and observability settings: meaningless for an in-process invocation. */
    public static final Set<String> IGNORED = Set.of("Description", "Architectures", "Tracing", "AutoPublishAlias",
            "AutoPublishAliasAllProperties", "AutoPublishCodeSha256", "SnapStart", "Layers",
            "ProvisionedConcurrencyConfig", "Policies", "Role", "RolePath",
            "PermissionsBoundary", "AssumeRolePolicyDocument", "Tags", "PropagateTags", "LoggingConfig",
            "DeploymentPreference", "VpcConfig", "KmsKeyArn", "DeadLetterQueue", "EventInvokeConfig",
            "EphemeralStorage", "RuntimeManagementConfig", "RecursiveLoop", "CodeSigningConfigArn",
            "VersionDescription", "VersionDeletionPolicy", "SourceKMSKeyArn");

    public FunctionDefinition {
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        events = List.copyOf(events);
    }

    public static FunctionDefinition from(ResourceDeclaration declaration, StackResolver resolver,
                                          Map<String, EventSourceType> eventTypes, PlanningContext context) {
        String id = declaration.logicalId();
        Map<String, Object> merged = mergeGlobals(resolver.template().functionGlobals(), declaration.properties());
        Properties.of(id, merged).allowOnly(HONOURED, IGNORED);
        // Read before the ignored properties are dropped; an ApplyOn given by an intrinsic counts as not enabled.
        boolean snapStart = merged.get("SnapStart") instanceof Map<?, ?> snap
                && "PublishedVersions".equals(snap.get("ApplyOn")) && merged.get("AutoPublishAlias") instanceof String;
        // Ignored properties (policies, roles, ...) may refer to things with no local value: never resolve them.
        merged.keySet().retainAll(HONOURED);
        @SuppressWarnings("unchecked")
        Map<String, Object> resolved = (Map<String, Object>) resolver.resolve(merged, id, "Properties");
        Properties properties = Properties.of(id, resolved);

        String handler = properties.requiredString("Handler");
        if (!handler.matches("[\\p{L}_$][\\p{L}\\p{N}_$.]*(::[\\p{L}_$][\\p{L}\\p{N}_$]*)?")) {
            throw properties.refuse("Handler", "'" + handler + "' is not a Java handler (package.Class::method)");
        }
        properties.string("Runtime").ifPresent(runtime -> {
            if (!runtime.startsWith("java")) {
                throw properties.refuse("Runtime", "'" + runtime + "' cannot run in-process; only java runtimes can");
            }
        });
        Optional<String> codeUri = codeUri(properties);
        int timeout = properties.integer("Timeout", 1, 900).orElse(3);
        int memory = properties.integer("MemorySize", 128, 10_240).orElse(128);
        // 0 is legal on AWS (every invocation throttled) but would leave the function's queues undrained for good.
        OptionalInt reserved = properties.integer("ReservedConcurrentExecutions", 1, 1000)
                .map(OptionalInt::of).orElse(OptionalInt.empty());

        Map<String, String> environment = new LinkedHashMap<>();
        properties.object("Environment").ifPresent(env -> {
            env.allowOnly(Set.of("Variables"), Set.of());
            env.object("Variables").ifPresent(variables -> variables.values().forEach((name, value) ->
                    environment.put(name, variables.string(name).orElse(""))));
        });

        List<EventSourceDefinition> events = new ArrayList<>();
        properties.object("Events").ifPresent(all -> all.values().keySet().forEach(eventName -> {
            Properties event = all.object(eventName).orElseThrow();
            String type = event.requiredString("Type");
            EventSourceType eventType = eventTypes.get(type);
            if (eventType == null) {
                throw event.refuse("Type", "event type '" + type + "' is not supported by the local cloud (supported: "
                        + new java.util.TreeSet<>(eventTypes.keySet()) + ")");
            }
            event.allowOnly(Set.of("Type", "Properties"), Set.of());
            Properties eventProperties = event.object("Properties")
                    .orElseGet(() -> new Properties(id, event.path("Properties"), Map.of()));
            try {
                eventType.define(new FunctionEvent(id, eventName, timeout), eventProperties, context).ifPresent(events::add);
            } catch (TemplateRefusedException e) {
                // Name the event's type too: "Events.Nightly.Properties.ScheduleExpression" alone leaves it to be looked up.
                throw new TemplateRefusedException(e.resource(), e.property(), type + " event '" + eventName + "': "
                        + e.reason(), e);
            }
        }));
        return new FunctionDefinition(id, resolver.functionName(id), resolver.functionArn(id), handler, codeUri, timeout,
                memory, environment, events, snapStart, reserved);
    }

    /** CodeUri as a local path; the S3 forms ({@code s3://...}, {@code {Bucket, Key}}) point at nothing on this machine. */
    private static Optional<String> codeUri(Properties properties) {
        if (!properties.has("CodeUri")) {
            return Optional.empty();
        }
        if (properties.values().get("CodeUri") instanceof Map<?, ?>) {
            throw properties.refuse("CodeUri", "an S3 location (Bucket/Key) cannot be run locally; give the path of the"
                    + " built package (a .jar/.zip or a directory, relative to the template)");
        }
        String uri = properties.requiredString("CodeUri");
        if (uri.isBlank() || uri.startsWith("s3://")) {
            throw properties.refuse("CodeUri", "'" + uri + "' is not a local path; give the path of the built package"
                    + " (a .jar/.zip or a directory, relative to the template)");
        }
        return Optional.of(uri);
    }

    /**
     * SAM's merge rules: the function's own scalar wins, mappings merge key by key (so Environment.Variables
     * combine), lists are concatenated with the globals first. Intrinsic functions are values, never merged.
     */
    static Map<String, Object> mergeGlobals(Map<String, Object> globals, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        own.forEach((key, value) -> merged.merge(key, value, FunctionDefinition::mergeValue));
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Object mergeValue(Object global, Object own) {
        if (global instanceof Map<?, ?> g && own instanceof Map<?, ?> o && !isIntrinsic(g) && !isIntrinsic(o)) {
            return mergeGlobals((Map<String, Object>) g, (Map<String, Object>) o);
        }
        if (global instanceof List<?> g && own instanceof List<?> o) {
            List<Object> both = new ArrayList<>(g);
            both.addAll(o);
            return both;
        }
        return own;
    }

    private static boolean isIntrinsic(Map<?, ?> map) {
        if (map.size() != 1) {
            return false;
        }
        String key = String.valueOf(map.keySet().iterator().next());
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    /**
     * Execution environments built when the stack starts, before any event. With SnapStart, Lambda restores every
     * environment from the snapshot taken after init (priming included), so a burst never waits for an init: here that
     * is one environment per invocation the enabled event sources can start at once (within
     * ReservedConcurrentExecutions). Without SnapStart Lambda initializes on demand: the first environment only (built
     * at start so a handler that cannot load stops the stack), the others when a burst needs them.
     */
    public int environmentsAheadOfTraffic() {
        if (!snapStart) {
            return 1;
        }
        int concurrent = events.stream().filter(EventSourceDefinition::enabled)
                .mapToInt(EventSourceDefinition::concurrentInvocations).sum();
        return Math.max(1, Math.min(concurrent, reservedConcurrency.orElse(Integer.MAX_VALUE)));
    }

    /** Class name part of {@code Handler}. */
    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    /** Method name part of {@code Handler}; {@code handleRequest} when the handler names only a class. */
    public Optional<String> handlerMethod() {
        int separator = handler.indexOf("::");
        return separator < 0 ? Optional.empty() : Optional.of(handler.substring(separator + 2));
    }
}

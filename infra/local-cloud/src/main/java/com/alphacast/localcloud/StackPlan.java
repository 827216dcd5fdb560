package com.alphacast.localcloud;

import com.alphacast.localcloud.dynamodb.TableDefinition;
import com.alphacast.localcloud.function.EventSourceDefinition;
import com.alphacast.localcloud.function.EventSourceType;
import com.alphacast.localcloud.function.FunctionDefinition;
import com.alphacast.localcloud.function.PlanningContext;
import com.alphacast.localcloud.function.http.HttpApiDefinition;
import com.alphacast.localcloud.function.http.HttpApiRoute;
import com.alphacast.localcloud.sqs.QueueDefinition;
import com.alphacast.localcloud.template.Properties;
import com.alphacast.localcloud.template.ResourceDeclaration;
import com.alphacast.localcloud.template.StackResolver;
import com.alphacast.localcloud.template.StackSettings;
import com.alphacast.localcloud.template.Template;
import com.alphacast.localcloud.template.TemplateRefusedException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the local cloud will create for one stack, validated before anything is created: tables, queues in
 * creation order (dead-letter queues first) and functions with their event sources. Building the plan is where a
 * template the local cloud cannot honour is refused.
 */
public final class StackPlan {

    /**
     * Resource types accepted and not created: permissions and monitoring have no local effect; SSM parameters,
     * SNS topics and REST APIs are left to the issues that run them locally (an {@code Api} event is refused).
     */
    public static final Set<String> IGNORED_RESOURCE_TYPES = Set.of("AWS::SSM::Parameter",
            "AWS::Serverless::Api", "AWS::CloudWatch::Alarm", "AWS::CloudWatch::Dashboard", "AWS::SNS::Topic",
            "AWS::Logs::LogGroup", "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
            "AWS::SQS::QueuePolicy", "AWS::Lambda::Permission");

    /**
     * Resources that run on AWS only: the local cloud neither creates nor imitates them, and says so in
     * {@link #notRunLocally()} (the ingest worker's Fargate service; locally the worker runs in-process).
     */
    public static final Set<String> NOT_RUN_LOCALLY_TYPES = Set.of("AWS::ECS::Cluster", "AWS::ECS::TaskDefinition",
            "AWS::ECS::Service");

    private final StackResolver resolver;
    private final Map<String, TableDefinition> tables;
    private final Map<String, QueueDefinition> queues;
    private final Map<String, FunctionDefinition> functions;
    private final List<String> ignoredResources;
    private final List<String> notRunLocally;

    private StackPlan(StackResolver resolver, Map<String, TableDefinition> tables, Map<String, QueueDefinition> queues,
                      Map<String, FunctionDefinition> functions, List<String> ignoredResources,
                      List<String> notRunLocally) {
        this.resolver = resolver;
        this.tables = Collections.unmodifiableMap(tables);
        this.queues = Collections.unmodifiableMap(queues);
        this.functions = Collections.unmodifiableMap(functions);
        this.ignoredResources = List.copyOf(ignoredResources);
        this.notRunLocally = List.copyOf(notRunLocally);
    }

    public static StackPlan of(Template template, StackSettings settings, Map<String, EventSourceType> eventTypes) {
        return of(template, settings, eventTypes, true);
    }

    public static StackPlan of(Template template, StackSettings settings, Map<String, EventSourceType> eventTypes,
                               boolean enforceVisibilityTimeoutRule) {
        StackResolver resolver = new StackResolver(template, settings);
        List<ResourceDeclaration> active = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> notRunLocally = new ArrayList<>();
        for (ResourceDeclaration resource : template.resources().values()) {
            if (NOT_RUN_LOCALLY_TYPES.contains(resource.type())) {
                // listed whatever its condition says, so nobody expects it to be running here
                notRunLocally.add(resource.logicalId() + " (" + resource.type() + ")");
                continue;
            }
            if (!resolver.isActive(resource)) {
                continue;
            }
            switch (resource.type()) {
                case "AWS::DynamoDB::Table", "AWS::SQS::Queue", "AWS::Serverless::Function", "AWS::Serverless::HttpApi" ->
                        active.add(resource);
                default -> {
                    if (!IGNORED_RESOURCE_TYPES.contains(resource.type())) {
                        throw new TemplateRefusedException(resource.logicalId(), "Type", "resource type "
                                + resource.type() + " is not supported by the local cloud (it creates "
                                + "AWS::DynamoDB::Table, AWS::SQS::Queue, AWS::Serverless::Function, serves "
                                + "AWS::Serverless::HttpApi and ignores "
                                + new java.util.TreeSet<>(IGNORED_RESOURCE_TYPES) + ")");
                    }
                    ignored.add(resource.logicalId() + " (" + resource.type() + ")");
                }
            }
        }

        Map<String, String> queueIdsByArn = new LinkedHashMap<>();
        for (ResourceDeclaration resource : active) {
            if (resource.type().equals("AWS::SQS::Queue")) {
                queueIdsByArn.put(resolver.queueArn(resource.logicalId()), resource.logicalId());
            }
        }
        Map<String, QueueDefinition> unordered = new LinkedHashMap<>();
        Map<String, TableDefinition> tables = new LinkedHashMap<>();
        Map<String, HttpApiDefinition> httpApis = new LinkedHashMap<>();
        for (ResourceDeclaration resource : active) {
            String id = resource.logicalId();
            if (resource.type().equals("AWS::SQS::Queue")) {
                Properties properties = resolved(resource, resolver, QueueDefinition.HONOURED, QueueDefinition.IGNORED);
                unordered.put(id, QueueDefinition.from(resolver.queueName(id), resolver.isFifo(resource), properties,
                        arn -> Optional.ofNullable(queueIdsByArn.get(arn))));
            } else if (resource.type().equals("AWS::DynamoDB::Table")) {
                Properties properties = resolved(resource, resolver, TableDefinition.HONOURED, TableDefinition.IGNORED);
                tables.put(id, TableDefinition.from(resolver.tableName(id), properties));
            } else if (resource.type().equals("AWS::Serverless::HttpApi")) {
                Properties properties = resolved(resource, resolver, HttpApiDefinition.HONOURED, HttpApiDefinition.IGNORED);
                httpApis.put(id, HttpApiDefinition.from(id, properties));
            }
        }
        Map<String, QueueDefinition> queues = deadLetterQueuesFirst(unordered);

        PlanningContext context = new PlanningContext(resolver, queues, httpApis, enforceVisibilityTimeoutRule);
        Map<String, FunctionDefinition> functions = new LinkedHashMap<>();
        for (ResourceDeclaration resource : active) {
            if (resource.type().equals("AWS::Serverless::Function")) {
                functions.put(resource.logicalId(), FunctionDefinition.from(resource, resolver, eventTypes, context));
            }
        }
        requireDistinctRoutes(functions.values());
        return new StackPlan(resolver, tables, queues, functions, ignored, notRunLocally);
    }

    /** All HTTP APIs share one local port: two routes with the same stage and route key could not both be served. */
    private static void requireDistinctRoutes(Collection<FunctionDefinition> functions) {
        Map<String, HttpApiRoute> routes = new LinkedHashMap<>();
        for (FunctionDefinition function : functions) {
            for (EventSourceDefinition event : function.events()) {
                if (event instanceof HttpApiRoute route) {
                    HttpApiRoute other = routes.putIfAbsent(route.localKey(), route);
                    if (other != null) {
                        throw new TemplateRefusedException(route.functionLogicalId(), "Events." + route.eventName(),
                                "HttpApi route '" + route.pattern().routeKey() + "' (API " + route.api().logicalId()
                                        + ", stage " + route.api().stageName() + ") is already served by "
                                        + other.functionLogicalId() + "/" + other.eventName()
                                        + " (API " + other.api().logicalId() + ")");
                    }
                }
            }
        }
    }

    /** Refuses unknown properties, then resolves only the honoured ones (ignored ones may hold unresolvable values). */
    private static Properties resolved(ResourceDeclaration resource, StackResolver resolver, Set<String> honoured,
                                       Set<String> ignored) {
        Properties.of(resource.logicalId(), resource.properties()).allowOnly(honoured, ignored);
        Map<String, Object> kept = new LinkedHashMap<>(resource.properties());
        kept.keySet().retainAll(honoured);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) resolver.resolve(kept, resource.logicalId(), "Properties");
        return Properties.of(resource.logicalId(), values);
    }

    private static Map<String, QueueDefinition> deadLetterQueuesFirst(Map<String, QueueDefinition> queues) {
        Map<String, QueueDefinition> ordered = new LinkedHashMap<>();
        for (String id : queues.keySet()) {
            addAfterDeadLetterQueue(id, queues, ordered, new LinkedHashSet<>());
        }
        return ordered;
    }

    private static void addAfterDeadLetterQueue(String id, Map<String, QueueDefinition> queues,
                                                Map<String, QueueDefinition> ordered, Set<String> path) {
        if (ordered.containsKey(id)) {
            return;
        }
        if (!path.add(id)) {
            throw new TemplateRefusedException(id, "RedrivePolicy.deadLetterTargetArn", "redrive cycle " + path);
        }
        QueueDefinition queue = queues.get(id);
        if (queue.deadLetterQueue().isPresent()) {
            QueueDefinition target = queues.get(queue.deadLetterQueue().get());
            if (target.fifo() != queue.fifo()) {
                throw new TemplateRefusedException(id, "RedrivePolicy.deadLetterTargetArn", "the dead-letter queue of a "
                        + (queue.fifo() ? "FIFO" : "standard") + " queue must also be "
                        + (queue.fifo() ? "FIFO" : "standard") + " (" + target.logicalId() + " is not)");
            }
            addAfterDeadLetterQueue(target.logicalId(), queues, ordered, path);
        }
        ordered.put(id, queue);
    }

    public StackResolver resolver() {
        return resolver;
    }

    /** Tables by logical id, in template order. */
    public Map<String, TableDefinition> tables() {
        return tables;
    }

    /** Queues by logical id, dead-letter queues before the queues that redrive to them. */
    public Map<String, QueueDefinition> queues() {
        return queues;
    }

    /** Functions by logical id, in template order. */
    public Map<String, FunctionDefinition> functions() {
        return functions;
    }

    /** Resources accepted but not created locally, as {@code LogicalId (Type)}. */
    public List<String> ignoredResources() {
        return ignoredResources;
    }

    /** Resources of {@link #NOT_RUN_LOCALLY_TYPES} in the template, each as {@code "LogicalId (Type)"}. */
    public List<String> notRunLocally() {
        return notRunLocally;
    }

    /** Logical ids of queues that some queue of the stack redrives to. */
    public Set<String> deadLetterQueues() {
        Set<String> targets = new LinkedHashSet<>();
        queues.values().forEach(q -> q.deadLetterQueue().ifPresent(targets::add));
        return targets;
    }
}

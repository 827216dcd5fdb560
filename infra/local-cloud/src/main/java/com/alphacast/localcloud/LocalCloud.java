package com.alphacast.localcloud;

import com.alphacast.localcloud.dynamodb.TableDefinition;
import com.alphacast.localcloud.function.EventSourceDefinition;
import com.alphacast.localcloud.function.EventSourceRunner;
import com.alphacast.localcloud.function.FunctionDefinition;
import com.alphacast.localcloud.function.FunctionLoader;
import com.alphacast.localcloud.function.FunctionStats;
import com.alphacast.localcloud.function.LocalFunction;
import com.alphacast.localcloud.function.RunnerServices;
import com.alphacast.localcloud.function.http.HttpApiRoute;
import com.alphacast.localcloud.function.http.HttpGateway;
import com.alphacast.localcloud.function.schedule.ScheduleClock;
import com.alphacast.localcloud.function.schedule.ScheduleListing;
import com.alphacast.localcloud.sqs.QueueDefinition;
import com.alphacast.localcloud.template.StackSettings;
import com.alphacast.localcloud.template.Template;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code template.yaml} running on this machine: the embedded DynamoDB and ElasticMQ on loopback ports, every table and queue
 * of the template created as declared (names prefixed with the stack name), every function with events loaded from
 * its CodeUri package into a class loader of its own and invoked the way Lambda invokes it: from its SQS queues, and
 * from its HttpApi routes on one loopback port, and by its ScheduleV2 schedules on the stack's schedule clock.
 *
 * <pre>{@code
 * try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.forTemplate(Path.of("template.yaml")).build())) {
 *     // SignalsQueue is FIFO: every signal in the one group, deduplicated by its id.
 *     cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("SignalsQueue")).messageBody(json)
 *             .messageGroupId("signals").messageDeduplicationId(signalId));
 *     cloud.awaitIdle(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class LocalCloud implements AutoCloseable {

    /** Longest wait, after the priming, for the JIT to compile what it made hot. */
    private static final Duration COMPILER_SETTLE_LIMIT = Duration.ofSeconds(30);

    private final LocalCloudOptions options;
    private final LocalBackends backends;
    private final boolean ownsBackends;
    private final StackPlan plan;
    private final Map<String, String> queueUrls = new LinkedHashMap<>();
    private final Map<String, String> queueArns = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> functionEnvironments = new LinkedHashMap<>();
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final List<EventSourceRunner> runners = new ArrayList<>();
    private final List<String> createdTables = new ArrayList<>();
    private HttpGateway httpGateway;
    private WarmUp warmUp;
    private CodeCacheWatch codeCacheWatch;
    private final ScheduleClock scheduleClock = new ScheduleClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private volatile boolean closed;

    private LocalCloud(LocalCloudOptions options, LocalBackends backends, boolean ownsBackends, StackPlan plan) {
        this.options = options;
        this.backends = backends;
        this.ownsBackends = ownsBackends;
        this.plan = plan;
    }

    /**
     * Refuses what {@link #start} would refuse (an unreadable template, a parameter outside its AllowedValues, a
     * function package not built, ...) without starting anything, so a caller can validate before it changes any state.
     *
     * @throws com.alphacast.localcloud.template.TemplateRefusedException, IllegalArgumentException or
     *         {@link com.alphacast.localcloud.function.FunctionPackageMissingException} naming what to change
     */
    public static void check(LocalCloudOptions options) {
        check(Template.load(options.template()), options);
    }

    private static void check(Template template, LocalCloudOptions options) {
        functionLoader(options).requirePackages(functionsToRun(planFor(template, options, URI.create("http://127.0.0.1:0")),
                options));
    }

    /**
     * Starts its own embedded DynamoDB and ElasticMQ (on the ports, and with the data directory, of
     * {@link LocalCloudOptions#backends()}), creates the stack and starts the functions.
     */
    public static LocalCloud start(LocalCloudOptions options) {
        Template template = Template.load(options.template());
        // Refuse an unusable template, or functions whose packages were not built, before paying for server start-up.
        check(template, options);
        LocalBackends backends = LocalBackends.start(options.region(), options.backends());
        try {
            return create(template, options, backends, true);
        } catch (RuntimeException | Error e) {
            backends.close();
            throw e;
        }
    }

    /**
     * Creates the stack on servers someone else owns (e.g. shared by all test classes of a JVM). Closing this cloud
     * deletes the stack's tables and queues but leaves the servers running. The backends' region wins over the
     * options' region.
     */
    public static LocalCloud start(LocalCloudOptions options, LocalBackends shared) {
        LocalCloudOptions effective = options.region().equals(shared.region()) ? options
                : options.toBuilder().region(shared.region()).build();
        return create(Template.load(effective.template()), effective, shared, false);
    }

    private static StackPlan planFor(Template template, LocalCloudOptions options, URI sqsEndpoint) {
        StackSettings settings = new StackSettings(options.stackName(), options.region(), LocalBackends.ACCOUNT_ID,
                options.parameterOverrides(), sqsEndpoint);
        return StackPlan.of(template, settings, options.eventSourceTypes(), !options.allowVisibilityTimeoutBelowFunctionTimeout());
    }

    private static LocalCloud create(Template template, LocalCloudOptions options, LocalBackends backends,
                                     boolean ownsBackends) {
        StackPlan plan = planFor(template, options, backends.sqsEndpoint());
        functionLoader(options).requirePackages(functionsToRun(plan, options));
        LocalCloud cloud = new LocalCloud(options, backends, ownsBackends, plan);
        try {
            cloud.codeCacheWatch = CodeCacheWatch.start(line -> options.functionLog().accept("local-cloud", line));
            cloud.createQueues();
            cloud.createTables();
            cloud.prepareFunctionEnvironments();
            if (options.runFunctions()) {
                cloud.startFunctions();
            }
            return cloud;
        } catch (RuntimeException | Error e) {
            // an Error too (a full code cache refusing new code, say): the servers and the stack must not leak
            cloud.closeStack();
            throw e;
        }
    }

    private void createQueues() {
        for (QueueDefinition queue : plan.queues().values()) {
            // CreateQueue silently returns an existing queue with the same attributes: check first, or a second stack
            // with the same name would adopt (and on close delete) the first one's queues.
            if (queueExists(queue.queueName())) {
                throw new IllegalStateException("queue " + queue.queueName() + " (" + queue.logicalId()
                        + ") already exists: another stack on the same servers uses the stack name '"
                        + options.stackName() + "'");
            }
            String url;
            try {
                url = sqs().createQueue(b -> b.queueName(queue.queueName()).attributesWithStrings(queue.attributes()))
                        .queueUrl();
            } catch (SdkException e) {
                throw new IllegalStateException("creating queue " + queue.logicalId() + " (" + queue.queueName()
                        + ") failed: " + e.getMessage() + (e.getMessage() != null && e.getMessage().contains("exists")
                        ? " — another stack on the same servers uses the stack name '" + options.stackName() + "'" : ""), e);
            }
            String expected = plan.resolver().queueUrl(queue.logicalId());
            if (!url.equals(expected)) {
                throw new IllegalStateException("ElasticMQ named queue " + queue.logicalId() + " " + url
                        + " but the template's Ref resolves to " + expected);
            }
            queueUrls.put(queue.logicalId(), url);
            queueArns.put(queue.logicalId(), plan.resolver().queueArn(queue.logicalId()));
        }
    }

    private boolean queueExists(String name) {
        try {
            sqs().getQueueUrl(b -> b.queueName(name));
            return true;
        } catch (software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException e) {
            return false;
        }
    }

    private void createTables() {
        for (TableDefinition table : plan.tables().values()) {
            try {
                dynamoDb().createTable(table.createRequest());
            } catch (ResourceInUseException e) {
                if (ownsBackends && options.backends().dataDirectory().isPresent()) {
                    // Restored from the data directory of an earlier run: keep it and its items, if it still fits.
                    requireSameKeys(table);
                    continue;
                }
                throw new IllegalStateException("table " + table.tableName() + " (" + table.logicalId()
                        + ") already exists: another stack on the same servers uses the stack name '"
                        + options.stackName() + "'", e);
            } catch (SdkException e) {
                throw new IllegalStateException("creating table " + table.logicalId() + " (" + table.tableName()
                        + ") failed: " + e.getMessage(), e);
            }
            createdTables.add(table.tableName());
            table.timeToLiveAttribute().ifPresent(attribute -> dynamoDb().updateTimeToLive(b -> b
                    .tableName(table.tableName())
                    .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true))));
        }
    }

    /**
     * A persisted table whose keys or indexes differ from the template's would fail at the first read or write, far
     * from the cause; refuse to start instead, naming the table, the difference and the way out.
     */
    private void requireSameKeys(TableDefinition table) {
        CreateTableRequest wanted = table.createRequest();
        TableDescription found = dynamoDb().describeTable(b -> b.tableName(table.tableName())).table();
        List<String> differences = new ArrayList<>();
        if (!found.keySchema().equals(wanted.keySchema())) {
            differences.add("key " + keys(found.keySchema()) + " in the data directory, " + keys(wanted.keySchema())
                    + " in the template");
        }
        Set<String> foundIndexes = found.globalSecondaryIndexes().stream()
                .map(index -> index.indexName() + keys(index.keySchema())).collect(Collectors.toCollection(TreeSet::new));
        Set<String> wantedIndexes = wanted.globalSecondaryIndexes().stream()
                .map(index -> index.indexName() + keys(index.keySchema())).collect(Collectors.toCollection(TreeSet::new));
        if (!foundIndexes.equals(wantedIndexes)) {
            differences.add("global secondary indexes " + foundIndexes + " in the data directory, " + wantedIndexes
                    + " in the template");
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("table " + table.tableName() + " (" + table.logicalId() + ") in the data"
                    + " directory " + options.backends().dataDirectory().orElseThrow() + " differs from the template: "
                    + String.join("; ", differences) + ". Delete the data directory (or use another) to start afresh.");
        }
    }

    private static String keys(List<KeySchemaElement> keySchema) {
        return keySchema.stream().map(key -> key.attributeName() + " " + key.keyTypeAsString())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private void prepareFunctionEnvironments() {
        for (FunctionDefinition function : plan.functions().values()) {
            Map<String, String> environment = new LinkedHashMap<>(function.environment());
            environment.put("AWS_REGION", region());
            environment.put("AWS_DEFAULT_REGION", region());
            environment.put("AWS_ACCESS_KEY_ID", LocalBackends.ACCESS_KEY_ID);
            environment.put("AWS_SECRET_ACCESS_KEY", LocalBackends.SECRET_ACCESS_KEY);
            environment.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
            environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySizeMb()));
            environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.functionName());
            // Every function is built when the stack starts, before any event: as Lambda initializes a SnapStart
            // version when it is published. Without SnapStart, Lambda initializes on the first event (on-demand).
            environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", function.snapStart() ? "snap-start" : "on-demand");
            environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint().toString());
            environment.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint().toString());
            if (function.snapStart() && options.warmUpRounds() > 0) {
                // Read by the functions' SnapStartPriming; on AWS the primed state is in each version's snapshot.
                environment.put(LocalFunction.PRIMING_ROUNDS_VARIABLE, Integer.toString(options.warmUpRounds()));
            }
            environment.putAll(options.functionEnvironment());
            functionEnvironments.put(function.logicalId(), Collections.unmodifiableMap(environment));
        }
    }

    /** Functions this stack runs: the selected ones (all by default) that have events. */
    private static List<FunctionDefinition> functionsToRun(StackPlan plan, LocalCloudOptions options) {
        if (!options.runFunctions()) {
            return List.of();
        }
        Set<String> selected = options.functions().isEmpty() ? plan.functions().keySet() : options.functions();
        for (String id : selected) {
            if (!plan.functions().containsKey(id)) {
                throw new IllegalArgumentException("function '" + id + "' is not in the template (functions: "
                        + plan.functions().keySet() + ")");
            }
        }
        return plan.functions().values().stream()
                .filter(f -> selected.contains(f.logicalId()) && !f.events().isEmpty())
                .toList();
    }

    private static FunctionLoader functionLoader(LocalCloudOptions options) {
        return new FunctionLoader(options.template().toAbsolutePath().normalize().getParent(),
                options.handlerClassLoader(), options.functionLog());
    }

    private void startFunctions() {
        List<FunctionDefinition> toRun = functionsToRun(plan, options);
        if (options.warmUpRounds() > 0) {
            warmUpWhileLoading(toRun);
        } else {
            functions.putAll(functionLoader(options).load(toRun, functionEnvironments));
        }
        boolean servesRoutes = toRun.stream().flatMap(f -> f.events().stream())
                .anyMatch(e -> e instanceof HttpApiRoute && e.enabled());
        if (servesRoutes) {
            httpGateway = HttpGateway.start(options.backends().httpPort(), accountId(), Clock.systemUTC());
        }
        RunnerServices services = new RunnerServices(sqs(), region(), plan.queues(), queueUrls, queueArns,
                options.functionLog(), Optional.ofNullable(httpGateway), scheduleClock);
        for (FunctionDefinition definition : toRun) {
            LocalFunction function = functions.get(definition.logicalId());
            for (EventSourceDefinition event : definition.events()) {
                if (event.enabled()) {
                    runners.add(event.newRunner(function, services));
                }
            }
        }
        runners.forEach(EventSourceRunner::start);
        if (options.schedulesFollowWallClock()) {
            scheduleClock.followWallClock(Clock.systemUTC());
        }
    }

    /**
     * Loads the functions (their priming included) while the servers run the pipeline's requests on scratch queues
     * and a scratch table: ElasticMQ's message path, then the embedded DynamoDB's write and read paths.
     */
    private void warmUpWhileLoading(List<FunctionDefinition> toRun) {
        int rounds = options.warmUpRounds();
        String scratch = options.stackName() + "-local-cloud-warm-up";
        MessagePathWarmUp messagePath = new MessagePathWarmUp(sqs(), scratch);
        TablePathWarmUp tablePath = new TablePathWarmUp(dynamoDb(), scratch);
        CompletableFuture<List<Duration>> servers = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            messagePath.run(rounds);
            long messagesDone = System.nanoTime();
            tablePath.run(rounds);
            return List.of(Duration.ofNanos(messagesDone - started), Duration.ofNanos(System.nanoTime() - messagesDone));
        }, runnable -> {
            Thread thread = new Thread(runnable, "warm-up-servers");
            thread.setDaemon(true);
            thread.start();
        });
        long started = System.nanoTime();
        try {
            functions.putAll(functionLoader(options).load(toRun, functionEnvironments));
        } finally {
            // Never leave the scratch queues or table behind, nor their thread running, whatever happened to the functions.
            servers.exceptionally(failure -> List.of()).join();
        }
        Duration loaded = Duration.ofNanos(System.nanoTime() - started);
        Duration settled = CompilerQuiet.await(COMPILER_SETTLE_LIMIT);
        int environments = functions.values().stream().mapToInt(f -> (int) f.stats().coldStarts()).sum();
        List<Duration> serverPaths;
        try {
            serverPaths = servers.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("warming up the servers' message and table paths failed: " + e.getCause(),
                    e.getCause());
        }
        warmUp = new WarmUp(rounds, environments, loaded, serverPaths.get(0), serverPaths.get(1), settled);
    }

    /** What ran before the stack was reported ready; empty when the options asked for no warm-up. */
    public Optional<WarmUp> warmUp() {
        return Optional.ofNullable(warmUp);
    }

    // ---------------------------------------------------------------- clients and endpoints

    /** The servers this stack runs on; another stack can be started on them with {@link #start(LocalCloudOptions, LocalBackends)}. */
    public LocalBackends backends() {
        return backends;
    }

    public DynamoDbClient dynamoDb() {
        return backends.dynamoDb();
    }

    public SqsClient sqs() {
        return backends.sqs();
    }

    public URI dynamoDbEndpoint() {
        return backends.dynamoDbEndpoint();
    }

    public URI sqsEndpoint() {
        return backends.sqsEndpoint();
    }

    public String region() {
        return backends.region();
    }

    public String accountId() {
        return LocalBackends.ACCOUNT_ID;
    }

    public String stackName() {
        return options.stackName();
    }

    /** The validated plan: tables, queues and functions as the template declares them. */
    public StackPlan plan() {
        return plan;
    }

    // ---------------------------------------------------------------- names

    /** Local name of the table declared as {@code logicalId}. */
    public String tableName(String logicalId) {
        requireKnown(plan.tables().keySet(), logicalId, "table");
        return plan.tables().get(logicalId).tableName();
    }

    public String queueUrl(String logicalId) {
        requireKnown(plan.queues().keySet(), logicalId, "queue");
        return queueUrls.get(logicalId);
    }

    public String queueArn(String logicalId) {
        requireKnown(plan.queues().keySet(), logicalId, "queue");
        return queueArns.get(logicalId);
    }

    public String queueName(String logicalId) {
        requireKnown(plan.queues().keySet(), logicalId, "queue");
        return plan.queues().get(logicalId).queueName();
    }

    /**
     * The environment the function's handler is (or would be) constructed with: the template's variables with local
     * names and URLs, the AWS_* runtime variables, the endpoint overrides and the options' extra environment.
     */
    public Map<String, String> functionEnvironment(String functionLogicalId) {
        requireKnown(plan.functions().keySet(), functionLogicalId, "function");
        return functionEnvironments.get(functionLogicalId);
    }

    /**
     * The handler class a running function loaded: from the function's own class loader, so never the same
     * {@code Class} as one on the caller's classpath (unless the options share a class loader with handlers).
     */
    public Class<?> handlerClass(String functionLogicalId) {
        return runningFunction(functionLogicalId).handlerClass();
    }

    /** The class loader a running function's code lives in (closed when the stack stops). */
    public ClassLoader functionClassLoader(String functionLogicalId) {
        return runningFunction(functionLogicalId).classLoader();
    }

    private LocalFunction runningFunction(String functionLogicalId) {
        requireKnown(plan.functions().keySet(), functionLogicalId, "function");
        LocalFunction function = functions.get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("function " + functionLogicalId + " is not running in stack "
                    + stackName() + " (running: " + functions.keySet() + ")");
        }
        return function;
    }

    /** Where the stack's HTTP APIs listen ({@code http://127.0.0.1:<port>}); empty when no running function has a route. */
    public Optional<URI> httpEndpoint() {
        return Optional.ofNullable(httpGateway).map(HttpGateway::endpoint);
    }

    /**
     * Every HttpApi route the stack serves, most specific first within the template's order of functions: method,
     * full loopback URL (stage prefix included; {@code $default} routes show the endpoint) and function.
     */
    public List<HttpRouteListing> httpRoutes() {
        if (httpGateway == null) {
            return List.of();
        }
        List<HttpRouteListing> listing = new ArrayList<>();
        for (LocalFunction function : functions.values()) {
            for (EventSourceDefinition event : function.definition().events()) {
                if (event instanceof HttpApiRoute route && route.enabled()) {
                    String path = route.pattern().isDefault() ? "/" : route.pattern().path();
                    listing.add(new HttpRouteListing(route.pattern().method(), route.pattern().routeKey(),
                            httpGateway.endpoint() + route.api().pathPrefix() + path, route.functionLogicalId(),
                            route.eventName()));
                }
            }
        }
        return List.copyOf(listing);
    }

    /**
     * The clock the stack's ScheduleV2 schedules run on. It starts at the wall-clock time of the start and, unless the
     * options make it follow the wall clock (as {@code cloud up} does), moves only when told:
     * {@code scheduleClock().setTo(t)} then {@code advanceTo(t2)} fires every occurrence due in between, in order.
     */
    public ScheduleClock scheduleClock() {
        return scheduleClock;
    }

    /** Every running schedule: function, event, expression, zone and next fire time on {@link #scheduleClock()}. */
    public List<ScheduleListing> schedules() {
        return scheduleClock.schedules();
    }

    // ---------------------------------------------------------------- observation

    /** Invocation counts of a function run by this cloud (all zero for a function that is not running). */
    public FunctionStats functionStats(String functionLogicalId) {
        requireKnown(plan.functions().keySet(), functionLogicalId, "function");
        LocalFunction function = functions.get(functionLogicalId);
        return function == null ? FunctionStats.none() : function.stats();
    }

    /** Current depth of a queue. */
    public QueueDepth queueDepth(String queueLogicalId) {
        Map<QueueAttributeName, String> attributes = sqs().getQueueAttributes(b -> b.queueUrl(queueUrl(queueLogicalId))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return new QueueDepth(count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }

    /** All messages (visible, in flight, delayed) in a queue. */
    public int messageCount(String queueLogicalId) {
        return queueDepth(queueLogicalId).total();
    }

    /** Logical id of the dead-letter queue the given queue redrives to. */
    public Optional<String> deadLetterQueueOf(String queueLogicalId) {
        requireKnown(plan.queues().keySet(), queueLogicalId, "queue");
        return plan.queues().get(queueLogicalId).deadLetterQueue();
    }

    /** Messages in the dead-letter queue of {@code sourceQueueLogicalId} (the queue whose RedrivePolicy names it). */
    public int deadLetterCount(String sourceQueueLogicalId) {
        String deadLetterQueue = deadLetterQueueOf(sourceQueueLogicalId).orElseThrow(() ->
                new IllegalArgumentException("queue " + sourceQueueLogicalId + " has no RedrivePolicy"));
        return messageCount(deadLetterQueue);
    }

    /**
     * Waits until every queue that is not a dead-letter queue is empty (0 visible, 0 in flight, 0 delayed) and no
     * handler is running, observed twice with no activity in between.
     *
     * @throws IllegalStateException naming the queues and runners that are still busy when the timeout expires
     */
    public void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> watched = new java.util.LinkedHashSet<>(plan.queues().keySet());
        watched.removeAll(plan.deadLetterQueues());
        while (true) {
            long activityBefore = activity();
            boolean busyBefore = runners.stream().anyMatch(EventSourceRunner::isBusy);
            Map<String, QueueDepth> nonEmpty = new LinkedHashMap<>();
            for (String queue : watched) {
                QueueDepth depth = queueDepth(queue);
                if (!depth.isEmpty()) {
                    nonEmpty.put(queue, depth);
                }
            }
            boolean busyAfter = runners.stream().anyMatch(EventSourceRunner::isBusy);
            if (!busyBefore && !busyAfter && nonEmpty.isEmpty() && activity() == activityBefore) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(notIdleMessage(timeout, nonEmpty));
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the local cloud to go idle", e);
            }
        }
    }

    private String notIdleMessage(Duration timeout, Map<String, QueueDepth> nonEmpty) {
        List<String> reasons = new ArrayList<>();
        Set<String> consumed = new TreeSet<>();
        functions.values().forEach(f -> f.definition().events().forEach(e -> {
            if (e instanceof com.alphacast.localcloud.function.sqs.SqsEventSource s && s.enabled()) {
                consumed.add(s.queueLogicalId());
            }
        }));
        nonEmpty.forEach((queue, depth) -> reasons.add("queue " + queue + " (" + queueName(queue) + ") has " + depth
                + (consumed.contains(queue) ? "" : ", and no running function consumes it")));
        runners.stream().filter(EventSourceRunner::isBusy).forEach(r -> reasons.add("handler still running: "
                + r.description()));
        return "local cloud (stack " + stackName() + ") not idle after " + timeout + ": " + String.join("; ", reasons);
    }

    private long activity() {
        long sum = 0;
        for (EventSourceRunner runner : runners) {
            sum += runner.activity();
        }
        return sum;
    }

    private static int count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        return value == null ? 0 : Integer.parseInt(value);
    }

    private static void requireKnown(Set<String> known, String logicalId, String kind) {
        if (!known.contains(logicalId)) {
            throw new IllegalArgumentException("the template declares no " + kind + " '" + logicalId + "' (" + kind
                    + "s: " + known + ")");
        }
    }

    // ---------------------------------------------------------------- shutdown

    /**
     * Stops every runner, then deletes the stack's tables and queues (when the servers are shared) or stops the
     * servers (when this cloud started them). Leaves no thread running.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeStack();
    }

    private void closeStack() {
        scheduleClock.close();
        if (codeCacheWatch != null) {
            codeCacheWatch.close();
        }
        List<Thread> stopping = new ArrayList<>();
        for (EventSourceRunner runner : runners) {
            Thread thread = new Thread(runner::close, "stop-" + runner.description());
            thread.setDaemon(true);
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (httpGateway != null) {
            httpGateway.close();
        }
        functions.values().forEach(LocalFunction::close);
        if (ownsBackends) {
            backends.close();
            return;
        }
        for (String url : queueUrls.values()) {
            try {
                sqs().deleteQueue(b -> b.queueUrl(url));
            } catch (SdkException e) {
                // Best effort: the servers outlive this stack and the names are unique per stack.
            }
        }
        for (String table : createdTables) {
            try {
                dynamoDb().deleteTable(b -> b.tableName(table));
            } catch (SdkException e) {
                // Best effort, as above.
            }
        }
    }

    @Override
    public String toString() {
        return "LocalCloud[stack=" + stackName() + ", tables=" + plan.tables().keySet() + ", queues="
                + plan.queues().keySet() + ", functions=" + functions.keySet() + "]";
    }
}

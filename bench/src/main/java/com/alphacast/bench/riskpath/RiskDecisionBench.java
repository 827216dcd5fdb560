package com.alphacast.bench.riskpath;

import com.alphacast.aws.AwsClients;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.bench.LambdaBenchContext;
import com.alphacast.bench.LambdaBenchEvent;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.functions.FunctionResources;
import com.alphacast.functions.risk.RiskCheckHandler;
import com.alphacast.localcloud.LocalBackends;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.LocalCloudOptions;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * One risk decision end to end on the path the product runs: {@code RiskCheckHandler} (built from the template's
 * environment for {@code RiskCheckFunction}, profile {@code load}) invoked with a one-record SQS event holding a new
 * signal, against the local cloud's embedded DynamoDB and ElasticMQ over real loopback HTTP. Every signal is approved
 * (the load profile's limits are far away, so no decision waits for the position function) and forwarded to the
 * orders queue and to the three tiers. Prints p50/p90/p99/max wall time per decision and the AWS requests per decision
 * by operation, counted by an SDK {@link ExecutionInterceptor} on the handler's own clients (every HTTP attempt,
 * retries included), and the CPU time of the whole JVM per decision (the embedded servers run in it).
 *
 * <p>Decisions are made one after another, as the function's reserved concurrency of 1 makes them. Every approval
 * stays on record, so the {@code ApprovalsByTime} query each decision makes reads one more item per decision before
 * it, as it does over a session: compare figures taken with the same counts only.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -cp "bench/target/classes:$(cat bench/target/cold-start.classpath)" com.alphacast.bench.riskpath.RiskDecisionBench \
 *     [--decisions 240] [--warmup 60]
 * </pre>
 */
public final class RiskDecisionBench {

    private static final Instant SESSION_START = Instant.parse("2011-07-31T22:05:00Z");

    private RiskDecisionBench() {
    }

    public static void main(String[] args) throws Exception {
        int decisions = 240;
        int warmup = 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--decisions" -> decisions = Integer.parseInt(value(args, ++i, "--decisions"));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, "--warmup"));
                default -> throw new IllegalArgumentException("unknown option '" + args[i]
                        + "' (expected --decisions N, --warmup N)");
            }
        }
        if (decisions < 1 || warmup < 0) {
            throw new IllegalArgumentException("--decisions must be at least 1 and --warmup at least 0");
        }
        Path root = Path.of(System.getProperty("alphacast.project.root", ".")).toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("template.yaml"))) {
            throw new IllegalStateException(root + " has no template.yaml: run from the project root");
        }
        LocalCloudOptions stack = LocalCloudOptions.forTemplate(root.resolve("template.yaml"))
                .stackName("riskpath").parameter("Profile", "load").withoutFunctions().build();
        try (LocalBackends backends = LocalBackends.start(LocalCloudOptions.DEFAULT_REGION);
             LocalCloud cloud = LocalCloud.start(stack, backends)) {
            run(cloud, decisions, warmup);
        }
    }

    private static void run(LocalCloud cloud, int decisions, int warmup) {
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("RiskCheckFunction"));
        // Priming (SnapStart) would make requests in the constructor; they are not a decision's.
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        RequestCounter requests = new RequestCounter();
        RiskCheckHandler handler = new RiskCheckHandler(
                new FunctionResources(environment, new AwsClients(environment, List.of(requests))), Clock.systemUTC());
        JsonCodec json = new JsonCodec();
        String queueArn = cloud.queueArn("SignalsQueue");
        // Only the last line is kept (the handler logs each decision): a million-line log would be measured too.
        AtomicReference<String> lastLine = new AtomicReference<>("");
        LambdaBenchContext context = new LambdaBenchContext("RiskCheckFunction", "risk-path", lastLine::set);

        long[] nanos = new long[decisions];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuAtStart = 0;
        for (int i = 0; i < warmup + decisions; i++) {
            Instant marketTime = SESSION_START.plusSeconds(30L * i);
            Signal signal = new Signal("bench:ESU1:" + marketTime, "volume-spike", "ES", "ESU1", Direction.SHORT,
                    1303.5, 1305.0, 1300.5, 1, 0.66, "risk path bench", marketTime, Instant.now());
            SQSEvent event = event(json.write(signal), queueArn, i);
            if (i == warmup) {
                requests.reset();
                cpuAtStart = os.getProcessCpuTime();
            }
            long started = System.nanoTime();
            SQSBatchResponse response = handler.handleRequest(event, context);
            long took = System.nanoTime() - started;
            if (!response.getBatchItemFailures().isEmpty()) {
                throw new IllegalStateException("decision " + i + " failed: " + lastLine.get());
            }
            if (i >= warmup) {
                nanos[i - warmup] = took;
            }
        }
        long cpu = os.getProcessCpuTime() - cpuAtStart;
        check(cloud, json, warmup + decisions);

        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "risk decisions: %d measured after %d warm-up, load average %.2f (1 min)%n",
                decisions, warmup, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "wall per decision (ms): p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
                millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.90)), millis(percentile(sorted, 0.99)),
                millis(sorted[sorted.length - 1]));
        // The servers run in this JVM: their work for the requests is in it, and unlike wall time it barely moves
        // with what else the machine runs.
        System.out.printf(Locale.ROOT,
                "CPU of the whole JVM (handler, SDK, DynamoDB, ElasticMQ) per decision: %.2f ms%n",
                millis(cpu / decisions));
        Map<String, Long> byOperation = requests.snapshot();
        long total = byOperation.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT,
                "AWS requests per decision: %.2f (operation, requests and wall ms per decision)%n",
                (double) total / decisions);
        byOperation.forEach((operation, count) -> System.out.printf(Locale.ROOT, "  %-22s %5.2f %8.2f ms%n", operation,
                (double) count / decisions, millis(requests.nanosOf(operation) / decisions)));
    }

    /** The run counts only if every signal was approved, every forward sent and marked, every order queued. */
    private static void check(LocalCloud cloud, JsonCodec json, int expected) {
        DynamoRiskLedger ledger = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), json);
        List<RecordedDecision> all = ledger.allDecisions();
        long approved = all.stream().filter(d -> d.decision().approved()).count();
        long pending = all.stream().filter(d -> !d.pendingForwards().isEmpty()).count();
        int orders = cloud.messageCount("OrdersQueue");
        if (all.size() != expected || approved != expected || pending != 0 || orders != expected) {
            throw new IllegalStateException("expected " + expected + " approvals with every forward sent; found "
                    + all.size() + " decisions, " + approved + " approved, " + pending + " with forwards pending, "
                    + orders + " orders queued");
        }
    }

    private static long percentile(long[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static SQSEvent event(String body, String queueArn, int sequence) {
        String now = Long.toString(System.currentTimeMillis());
        return LambdaBenchEvent.oneRecord(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", sequence),
                "risk-path-" + sequence, body, queueArn, Map.of("ApproximateReceiveCount", "1", "SentTimestamp", now,
                        "ApproximateFirstReceiveTimestamp", now));
    }

    /** Counts every HTTP attempt the clients make, and the wall time of every call (attempts in it), by operation. */
    private static final class RequestCounter implements ExecutionInterceptor {

        private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("riskPathBenchStarted");

        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            attributes.putAttribute(STARTED, System.nanoTime());
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            counts.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder())
                    .increment();
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            took(attributes);
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            took(attributes);
        }

        private void took(ExecutionAttributes attributes) {
            Long started = attributes.getAttribute(STARTED);
            if (started != null) {
                nanos.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                        k -> new LongAdder()).add(System.nanoTime() - started);
            }
        }

        void reset() {
            counts.clear();
            nanos.clear();
        }

        Map<String, Long> snapshot() {
            Map<String, Long> copy = new TreeMap<>();
            counts.forEach((operation, count) -> copy.put(operation, count.sum()));
            return copy;
        }

        long nanosOf(String operation) {
            LongAdder total = nanos.get(operation);
            return total == null ? 0 : total.sum();
        }
    }
}

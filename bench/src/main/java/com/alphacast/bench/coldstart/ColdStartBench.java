package com.alphacast.bench.coldstart;

import com.alphacast.aws.distribution.DynamoDeliveryLedger;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import com.alphacast.localcloud.LocalBackends;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.LocalCloudOptions;
import com.alphacast.localcloud.junit.TemporaryHome;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Cold start of each Lambda function from its packaged jar: JVM start → first handler result, against a local
 * cloud's DynamoDB and SQS endpoints, with a real message of the function's queue. Every run gets a fresh stack
 * (tables and queues), so each one does the same work: the risk check decides and forwards a new signal, the
 * order function fills one, the position exit function closes a position the bar stopped out, the distribution
 * function sends a premium release to the demo outbox. Prints the median of the runs per function.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -cp "bench/target/classes:$(cat bench/target/cold-start.classpath)" com.alphacast.bench.coldstart.ColdStartBench \
 *     [--runs 5] [--function RiskCheckFunction] [--java-option -Xshare:off]... [--cds] [--jar PATH]
 * </pre>
 *
 * <p>{@code --cds} first records one class-data-sharing archive per jar ({@code -XX:ArchiveClassesAtExit} during
 * an unmeasured run) and then measures with {@code -XX:SharedArchiveFile}.
 */
public final class ColdStartBench {

    private static final Instant MARKET = Instant.parse("2011-07-31T22:10:00Z");
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    private final Path root;
    private final LocalBackends backends;
    private final List<String> javaOptions;
    /** One jar for every function (e.g. the shared jar of before the split), instead of each CodeUri. */
    private final Path jarOverride;
    private final JsonCodec json = new JsonCodec();
    private final Path runner;
    private int stacks;

    private ColdStartBench(Path root, LocalBackends backends, List<String> javaOptions, Path jarOverride)
            throws IOException {
        this.root = root;
        this.jarOverride = jarOverride;
        this.runner = runnerJar(root);
        this.backends = backends;
        this.javaOptions = List.copyOf(javaOptions);
    }

    /** A function under test: its template id, jar module, handler and how to prepare and check one run. */
    private record Subject(String logicalId, String module, String handler, String queue, double targetMillis) {

        Path codeUri(Path root) {
            return root.resolve("functions/" + module + "/target/" + module + ".jar");
        }
    }

    private static final List<Subject> SUBJECTS = List.of(
            new Subject("RiskCheckFunction", "risk-check", "com.alphacast.functions.risk.RiskCheckHandler", "SignalsQueue", 400),
            new Subject("OrderFunction", "orders", "com.alphacast.functions.order.OrderHandler", "OrdersQueue", 400),
            new Subject("PositionExitFunction", "position-exits", "com.alphacast.functions.position.PositionExitHandler",
                    "MarketBarsQueue", 400),
            new Subject("DistributionFunction", "distribution", "com.alphacast.functions.distribution.DistributionHandler",
                    "DeliveriesQueue", 800));

    /** One measured JVM: wall time to the result line, and the handler's own construction and invocation times. */
    private record Run(long wallMillis, long initMillis, long invokeMillis, long cpuMillis) {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        String only = null;
        boolean cds = false;
        Path jarOverride = null;
        List<String> javaOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(value(args, ++i, "--runs"));
                case "--function" -> only = value(args, ++i, "--function");
                case "--java-option" -> javaOptions.add(value(args, ++i, "--java-option"));
                case "--cds" -> cds = true;
                case "--jar" -> jarOverride = Path.of(value(args, ++i, "--jar")).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option '" + args[i]
                        + "' (expected --runs N, --function LogicalId, --java-option OPTION, --cds, --jar PATH)");
            }
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, was " + runs);
        }
        Path root = Path.of(System.getProperty("alphacast.project.root", ".")).toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("template.yaml"))) {
            throw new IllegalStateException(root + " has no template.yaml: run from the project root");
        }
        try (LocalBackends backends = LocalBackends.start(LocalCloudOptions.DEFAULT_REGION)) {
            ColdStartBench bench = new ColdStartBench(root, backends, javaOptions, jarOverride);
            System.out.printf(Locale.ROOT, "%-22s %7s %8s %8s %8s %8s %9s %8s  %s%n", "function", "jar MB", "median",
                    "min", "max", "init", "invoke", "cpu", "target");
            for (Subject subject : SUBJECTS) {
                if (only != null && !only.equals(subject.logicalId())) {
                    continue;
                }
                bench.measure(subject, runs, cds);
            }
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private void measure(Subject subject, int runs, boolean cds) throws Exception {
        Path jar = jarOf(subject);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn -B -pl bench -am package -DskipTests");
        }
        List<String> options = new ArrayList<>(javaOptions);
        if (cds) {
            Path archive = root.resolve("bench/target/" + subject.module() + ".jsa");
            Files.deleteIfExists(archive);
            List<String> dump = new ArrayList<>(javaOptions);
            dump.add("-XX:ArchiveClassesAtExit=" + archive);
            runOnce(subject, dump);
            if (!Files.exists(archive)) {
                throw new IllegalStateException("the JVM wrote no class-data archive " + archive);
            }
            // Refuse to measure without it rather than silently measuring a JVM that could not map it.
            options.add("-Xshare:on");
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        List<Run> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            measured.add(runOnce(subject, options));
        }
        List<Long> wall = measured.stream().map(Run::wallMillis).sorted().toList();
        System.out.printf(Locale.ROOT, "%-22s %7.1f %5d ms %5d ms %5d ms %5d ms %6d ms %5d ms  ≤ %.0f ms %s%n",
                subject.logicalId(), Files.size(jar) / 1e6, median(wall), wall.get(0), wall.get(wall.size() - 1),
                median(measured.stream().map(Run::initMillis).sorted().toList()),
                median(measured.stream().map(Run::invokeMillis).sorted().toList()),
                median(measured.stream().map(Run::cpuMillis).sorted().toList()),
                subject.targetMillis(), median(wall) <= subject.targetMillis() ? "met" : "MISSED");
    }

    private static long median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private Run runOnce(Subject subject, List<String> options) throws Exception {
        LocalCloudOptions stack = LocalCloudOptions.forTemplate(root.resolve("template.yaml"))
                .stackName("cold" + (++stacks)).parameter("Profile", "demo").withoutFunctions().build();
        Path home = TemporaryHome.create("alphacast-cold-start"); // deleted when the bench exits
        try (LocalCloud cloud = LocalCloud.start(stack, backends)) {
            String body = prepare(subject, cloud);
            Path bodyFile = home.resolve("message.json");
            Files.writeString(bodyFile, body, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-XX:TieredStopAtLevel=1");
            command.addAll(options);
            command.add("-cp");
            command.add(jarOf(subject) + File.pathSeparator + runner);
            command.add(ColdStartRunner.class.getName());
            command.add(subject.handler());
            command.add(bodyFile.toString());
            command.add(cloud.queueArn(subject.queue()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(home.resolve("stderr.log").toFile());
            Map<String, String> environment = builder.environment();
            environment.clear();
            environment.putAll(cloud.functionEnvironment(subject.logicalId()));
            environment.put("ALPHACAST_HOME", home.toString());
            environment.remove("JAVA_TOOL_OPTIONS"); // the same flag is on the command line; no "Picked up" noise
            // What is measured is a cold start on the event's path (the JVM starts for it), i.e. on-demand: the local
            // cloud's snap-start would have the handler prime in its constructor, work a SnapStart restore skips.
            environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");

            long started = System.nanoTime();
            Process process = builder.start();
            String result = null;
            long wall = -1;
            long cpu = -1;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("result ")) {
                        wall = (System.nanoTime() - started) / 1_000_000;
                        result = line;
                    } else if (line.startsWith("cpu ")) {
                        cpu = Long.parseLong(line.substring(4).trim());
                    }
                }
            }
            if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(subject.logicalId() + " did not exit within " + RUN_TIMEOUT);
            }
            String stderr = Files.readString(home.resolve("stderr.log"));
            String[] fields = result == null ? new String[0] : result.split(" ");
            if (fields.length != 4 || !fields[1].equals("0")) {
                throw new IllegalStateException(subject.logicalId() + " did not process its message (" + result
                        + "); its output:\n" + stderr);
            }
            check(subject, cloud, stderr);
            return new Run(wall, Long.parseLong(fields[2]), Long.parseLong(fields[3]), cpu);
        }
    }

    private Path jarOf(Subject subject) {
        return jarOverride != null ? jarOverride : subject.codeUri(root);
    }

    /**
     * The runner's classes in a jar of their own, the only thing put beside the function jar (class-data sharing
     * refuses a non-empty directory on the class path).
     */
    private static Path runnerJar(Path root) throws IOException {
        Path jar = root.resolve("bench/target/cold-start-runner.jar");
        String prefix = ColdStartRunner.class.getName().replace('.', '/');
        Path classes;
        try {
            classes = Path.of(ColdStartRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the runner's classes", e);
        }
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.list(classes.resolve(prefix).getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("ColdStartRunner")).sorted().toList()) {
                out.putNextEntry(new JarEntry(prefix.substring(0, prefix.lastIndexOf('/') + 1) + file.getFileName()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Seeds what the function reads and returns the message it is sent. */
    private String prepare(Subject subject, LocalCloud cloud) {
        Instant now = Instant.now();
        Bar signalBar = bar(MARKET.minusSeconds(60), 1305.0, 1305.25, 1303.25, 1303.5);
        Signal signal = new Signal("volume-spike:ESU1:" + MARKET, "volume-spike", "ES", "ESU1", Direction.SHORT,
                1303.5, 1305.0, 1300.5, 1, 0.66, "volume 3x & rising", MARKET, now);
        DynamoMarketSnapshots snapshots = new DynamoMarketSnapshots(cloud.dynamoDb(),
                cloud.tableName("MarketSnapshotsTable"), Duration.ofDays(1));
        snapshots.put(new MarketSnapshot(signalBar, now));
        switch (subject.logicalId()) {
            case "RiskCheckFunction", "OrderFunction" -> {
                return json.write(signal);
            }
            case "PositionExitFunction" -> {
                Fill fill = new Fill(signal.id(), signal.id(), "ESU1", Direction.SHORT, 1, 1303.25, MARKET);
                new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"), cloud.tableName("PositionsTable"))
                        .recordExecution(new Order(signal.id(), "ESU1", Direction.SHORT, 1, now, "paper"), fill,
                                new Position(signal.id(), "ES", "ESU1", Direction.SHORT, 1, 1303.25, 1305.0, 1300.5, MARKET));
                // The next bar goes through the stop.
                Bar stopped = bar(MARKET, 1303.5, 1305.5, 1303.0, 1305.25);
                snapshots.put(new MarketSnapshot(stopped, now));
                return json.write(stopped);
            }
            case "DistributionFunction" -> {
                return json.write(new TierDispatch(signal, Tier.PREMIUM, now).release());
            }
            default -> throw new IllegalArgumentException("no message for " + subject.logicalId());
        }
    }

    /** The run counts only if the function's effect is on record. */
    private void check(Subject subject, LocalCloud cloud, String stderr) {
        boolean done = switch (subject.logicalId()) {
            case "RiskCheckFunction" -> new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                    cloud.tableName("ControlTable"), json).allDecisions().size() == 1
                    && cloud.messageCount("OrdersQueue") == 1;
            case "OrderFunction" -> new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"),
                    cloud.tableName("PositionsTable")).executions().size() == 1;
            case "PositionExitFunction" -> new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"),
                    cloud.tableName("PositionsTable")).closedPositions().size() == 1;
            case "DistributionFunction" -> !new DynamoDeliveryLedger(cloud.dynamoDb(), cloud.tableName("DeliveriesTable"),
                    Duration.ofMinutes(1), Duration.ofDays(1)).all().isEmpty();
            default -> false;
        };
        if (!done) {
            throw new IllegalStateException(subject.logicalId() + " returned but its effect is not on record; its output:\n"
                    + stderr);
        }
    }

    private static Bar bar(Instant start, double open, double high, double low, double close) {
        return new Bar("ES", start.toEpochMilli(), start.plusSeconds(60).toEpochMilli(), open, high, low, close, 1092, 140);
    }
}

package com.alphacast.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code ./alphacast cloud up} as people run it: its own JVM on a chosen port base, used through the printed endpoints
 * with the AWS SDK, then stopped with SIGTERM.
 */
class CloudUpProcessIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path home;
    @TempDir
    Path tmp;

    private Process process;

    @AfterEach
    void killLeftovers() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void servesTheTemplatesTablesAndQueuesRunsItsFunctionsAndStopsCleanlyOnSigterm() throws Exception {
        int base = StackHome.freePortBase();
        StackHome.copyInto(home);
        Path stderr = tmp.resolveSibling(tmp.getFileName() + "-stderr.log");
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + javaTmp,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "com.alphacast.cli.Alphacast", "cloud", "up", "--port-base", Integer.toString(base),
                "--home", home.toString())
                .redirectError(stderr.toFile()).start();
        String printed = readUntilReady(process, stderr);

        URI dynamoDbEndpoint = URI.create(field(printed, "DynamoDB"));
        URI sqsEndpoint = URI.create(field(printed, "SQS"));
        assertThat(dynamoDbEndpoint.getPort()).isEqualTo(base);
        assertThat(sqsEndpoint.getPort()).isEqualTo(base + 1);
        assertThat(field(printed, "region")).isEqualTo("us-east-1");
        assertThat(printed).contains("export AWS_ACCESS_KEY_ID=alphacastlocal AWS_SECRET_ACCESS_KEY=alphacastlocalsecret")
                .contains("aws --endpoint-url " + dynamoDbEndpoint + " dynamodb scan --table-name alphacast-SignalsTable")
                .contains("aws --endpoint-url " + sqsEndpoint + " sqs send-message --queue-url ");
        String signalsQueueUrl = tableOrQueue(printed, "SignalsQueue");
        // FIFO, so the risk check decides one signal at a time; the example says how to send to it.
        assertThat(signalsQueueUrl).endsWith("/alphacast-SignalsQueue.fifo");
        assertThat(tableOrQueue(printed, "SignalsDeadLetterQueue")).endsWith("/alphacast-SignalsDeadLetterQueue.fifo");
        assertThat(printed).contains("--queue-url " + signalsQueueUrl
                + " --message-group-id signals --message-deduplication-id manual:ESU1:");
        assertThat(printed).containsPattern("Telegram webhook secret +[A-Za-z0-9_-]{32} ")
                .containsPattern("Discord public key +[0-9a-f]{64}")
                .contains("/telegram/webhook -H 'Content-Type: application/json'")
                .contains("/discord/interactions -H 'Content-Type: application/json'");

        try (DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(dynamoDbEndpoint)
                .region(Region.US_EAST_1).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
             SqsClient sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(Region.US_EAST_1)
                     .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThat(dynamoDb.listTables().tableNames()).containsExactlyInAnyOrder("alphacast-SignalsTable",
                    "alphacast-ControlTable", "alphacast-OrdersTable", "alphacast-PositionsTable",
                    "alphacast-MarketSnapshotsTable", "alphacast-DeliveriesTable", "alphacast-SubscribersTable",
                    "alphacast-InboundRequestsTable", "alphacast-OperatorAuditTable", "alphacast-BriefingsTable",
                    "alphacast-RejectedSignalsTable");
            assertThat(tableOrQueue(printed, "SignalsTable")).isEqualTo("alphacast-SignalsTable");
            // Six queues of template.yaml with their dead-letter queues, and the two schedules' dead-letter queues.
            assertThat(sqs.listQueues().queueUrls()).hasSize(14).contains(signalsQueueUrl);

            Instant now = Instant.now();
            Signal signal = new Signal("process-test:ESU1:" + now, "manual", "ES", "ESU1", Direction.LONG, 5000.0,
                    4995.0, 5010.0, 1, 0.5, "from the cloud up test", now, now);
            sqs.sendMessage(b -> b.queueUrl(signalsQueueUrl).messageGroupId("signals")
                    .messageDeduplicationId(signal.id()).messageBody(new JsonCodec().write(signal)));

            Map<String, AttributeValue> decision = awaitDecision(dynamoDb, signal.id());
            assertThat(decision).containsKeys("approved", "reasons", "decidedAt");
        }

        process.destroy();  // SIGTERM
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("cloud up stopped within a minute of SIGTERM").isTrue();
        assertThat(process.exitValue()).isEqualTo(128 + 15);
        assertThat(Files.readString(stderr)).contains("local cloud stopped");
        assertThatThrownBy(() -> new Socket("127.0.0.1", base).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> new Socket("127.0.0.1", base + 1).close()).isInstanceOf(ConnectException.class);
        try (Stream<Path> left = Files.list(javaTmp)) {
            assertThat(left.toList()).as("temporary files left behind").isEmpty();
        }
    }

    /** Collects stdout until the ready line; fails with what was printed (and stderr) if it never comes. */
    private static String readUntilReady(Process process, Path stderr) throws Exception {
        StringBuilder printed = new StringBuilder();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (printed) {
                        printed.append(line).append('\n');
                    }
                    if (line.equals(StackGuide.READY)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        boolean up;
        try {
            up = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            up = false;
        }
        synchronized (printed) {
            assertThat(up).as("'%s' within %s; stdout:%n%s%nstderr:%n%s", StackGuide.READY, START_TIMEOUT, printed,
                    Files.readString(stderr)).isTrue();
            return printed.toString();
        }
    }

    private static Map<String, AttributeValue> awaitDecision(DynamoDbClient dynamoDb, String signalId)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, AttributeValue>> items = dynamoDb.scan(b -> b.tableName("alphacast-SignalsTable")).items();
            for (Map<String, AttributeValue> item : items) {
                if (item.containsKey("signalId") && signalId.equals(item.get("signalId").s())) {
                    return item;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("RiskCheckFunction recorded no decision for " + signalId + " within 30 s");
    }

    private static String field(String printed, String name) {
        Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(name) + " +(\\S+)$").matcher(printed);
        assertThat(m.find()).as("a line '  %s <value>' in:%n%s", name, printed).isTrue();
        return m.group(1);
    }

    private static String tableOrQueue(String printed, String logicalId) {
        Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(logicalId) + " +(\\S+)").matcher(printed);
        assertThat(m.find()).as("a line for %s in:%n%s", logicalId, printed).isTrue();
        return m.group(1);
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("alphacastlocal", "alphacastlocalsecret"));
    }
}

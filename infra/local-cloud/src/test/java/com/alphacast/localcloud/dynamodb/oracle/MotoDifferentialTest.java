package com.alphacast.localcloud.dynamodb.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphacast.localcloud.dynamodb.EmbeddedDynamoDb;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential run against {@code moto_server} (Python moto, Apache-2.0), skipped when it is not installed. Every
 * oracle step goes to moto and to {@link EmbeddedDynamoDb}; where they disagree (status, error type, or success
 * body), the recorded DynamoDB answer decides. A disagreement must be explained: our answer must be DynamoDB's, and
 * the step must be listed in {@code moto-known-differences.json} with the reason moto differs. The run prints every
 * difference it saw.
 */
class MotoDifferentialTest {

    private static Process moto;
    private static EmbeddedDynamoDb ours;
    private static ProtocolClient motoClient;
    private static ProtocolClient ourClient;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        Optional<Path> executable = onPath("moto_server");
        assumeTrue(executable.isPresent(), "moto_server is not installed");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        moto = new ProcessBuilder(executable.get().toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!accepts(port)) {
            assumeTrue(moto.isAlive(), "moto_server exited at start");
            assumeTrue(Instant.now().isBefore(deadline), "moto_server did not listen within 30 s");
            Thread.sleep(100);
        }
        motoClient = new ProtocolClient(URI.create("http://127.0.0.1:" + port));
        ours = EmbeddedDynamoDb.start();
        ourClient = new ProtocolClient(ours.endpoint());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (ours != null) {
            ours.close();
        }
        if (moto != null) {
            moto.destroy();
            moto.waitFor();
        }
    }

    @Test
    void everyDifferenceFromMotoIsAKnownMotoDeviationFromDynamoDb() throws IOException {
        Map<String, String> known = knownDifferences();
        List<String> unexplained = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (OracleScenario scenario : OracleScenario.loadAll(DynamoDbOracleTest.oracleDirectory())) {
            motoClient.deleteAllTables();
            ourClient.deleteAllTables();
            int index = 0;
            for (ObjectNode step : scenario.steps()) {
                index++;
                String id = scenario.name() + "/" + index;
                ProtocolClient.Answer fromMoto = motoClient.send(OracleScenario.target(step), OracleScenario.body(step));
                ProtocolClient.Answer fromUs = ourClient.send(OracleScenario.target(step), OracleScenario.body(step));
                ObjectNode motoAnswer = OracleComparison.answer(fromMoto.status(), fromMoto.body());
                ObjectNode ourAnswer = OracleComparison.answer(fromUs.status(), fromUs.body());
                if (sameOutcome(step, ourAnswer, motoAnswer)) {
                    continue;
                }
                boolean oursIsDynamoDbs = OracleComparison.differences(step, OracleScenario.expected(step), ourAnswer)
                        .isEmpty();
                String line = id + " (" + step.path("note").asText(step.get("op").asText()) + "): moto "
                        + outcome(motoAnswer) + ", DynamoDB and this server " + outcome(ourAnswer);
                report.add(line);
                if (!oursIsDynamoDbs || !known.containsKey(id)) {
                    unexplained.add(line + (oursIsDynamoDbs ? "" : "  [this server differs from DynamoDB too]"));
                }
            }
        }
        System.out.println("moto_server differs from DynamoDB on " + report.size() + " steps:");
        report.forEach(line -> System.out.println("  " + line));
        assertThat(unexplained).as("differences from moto not listed in moto-known-differences.json").isEmpty();
    }

    /** Same status and error type; for successes, the same body (moto's messages are not DynamoDB's wording). */
    private static boolean sameOutcome(ObjectNode step, ObjectNode ours, ObjectNode moto) {
        if (ours.get("status").asInt() != moto.get("status").asInt()) {
            return false;
        }
        if (ours.get("status").asInt() != 200) {
            return OracleComparison.errorType(ours.get("body")).equals(OracleComparison.errorType(moto.get("body")));
        }
        return OracleComparison.differences(step, ours, moto).isEmpty();
    }

    private static String outcome(ObjectNode answer) {
        JsonNode body = answer.get("body");
        if (answer.get("status").asInt() != 200) {
            return answer.get("status").asInt() + " " + OracleComparison.errorType(body);
        }
        String text = body.toString();
        return "200 " + (text.length() > 120 ? text.substring(0, 120) + "…" : text);
    }

    /** Step id to the reason moto differs there, from the categories of {@code moto-known-differences.json}. */
    private static Map<String, String> knownDifferences() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        try (InputStream in = MotoDifferentialTest.class.getResourceAsStream("/moto-known-differences.json")) {
            JsonNode categories = new ObjectMapper().readTree(in).get("categories");
            for (Iterator<Map.Entry<String, JsonNode>> it = categories.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> category = it.next();
                for (JsonNode step : category.getValue().get("steps")) {
                    known.put(step.asText(), category.getKey() + ": " + category.getValue().get("reason").asText());
                }
            }
        }
        return known;
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

}

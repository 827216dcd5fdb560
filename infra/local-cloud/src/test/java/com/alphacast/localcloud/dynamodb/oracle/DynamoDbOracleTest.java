package com.alphacast.localcloud.dynamodb.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.localcloud.dynamodb.EmbeddedDynamoDb;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every recorded request of {@code dynamodb-oracle/} against {@link EmbeddedDynamoDb} and compares each answer
 * with the one DynamoDB gave (see {@link OracleComparison} for what is ignored). One dynamic test per step.
 */
class DynamoDbOracleTest {

    private static EmbeddedDynamoDb server;
    private static ProtocolClient client;

    @BeforeAll
    static void start() {
        server = EmbeddedDynamoDb.start();
        client = new ProtocolClient(server.endpoint());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Path oracleDirectory() {
        try {
            return Path.of(DynamoDbOracleTest.class.getResource("/dynamodb-oracle").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyStepWasRecordedAndTheSuiteIsLargeEnough() {
        List<OracleScenario> scenarios = OracleScenario.loadAll(oracleDirectory());
        long steps = scenarios.stream().mapToLong(s -> s.steps().size()).sum();
        assertThat(steps).isGreaterThanOrEqualTo(150);
        for (OracleScenario scenario : scenarios) {
            assertThat(scenario.steps()).allSatisfy(step -> assertThat(step.has("expected"))
                    .as("%s: %s has a recorded answer", scenario.name(), step.path("note").asText(step.get("op").asText()))
                    .isTrue());
        }
    }

    @TestFactory
    Stream<DynamicNode> answersAsDynamoDbDid() {
        return OracleScenario.loadAll(oracleDirectory()).stream().map(scenario -> {
            List<DynamicNode> steps = new ArrayList<>();
            steps.add(DynamicTest.dynamicTest("start without tables", client::deleteAllTables));
            int index = 0;
            for (ObjectNode step : scenario.steps()) {
                index++;
                String name = String.format("%02d %s %s", index, step.get("op").asText(), step.path("note").asText(""));
                steps.add(DynamicTest.dynamicTest(name, () -> {
                    ProtocolClient.Answer answer = client.send(OracleScenario.target(step), OracleScenario.body(step));
                    List<String> differences = OracleComparison.differences(step, OracleScenario.expected(step),
                            OracleComparison.answer(answer.status(), answer.body()));
                    assertThat(differences).as("request %s", OracleScenario.body(step)).isEmpty();
                }));
            }
            return DynamicContainer.dynamicContainer(scenario.name(), steps);
        });
    }
}

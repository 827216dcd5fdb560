package com.alphacast.localcloud.dynamodb.oracle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the oracle: sends every step of every scenario in {@code src/test/resources/dynamodb-oracle/} to a real
 * DynamoDB implementation and stores its answers in the files. Runs only when asked:
 *
 * <pre>
 * java -Djava.library.path=... -jar DynamoDBLocal.jar -inMemory -sharedDb -port 8000   # or any DynamoDB endpoint
 * mvn -B -pl infra/local-cloud test -Dtest=DynamoDbOracleRecorder -Ddynamodb.oracle.record=http://127.0.0.1:8000 \
 *     -Ddynamodb.oracle.recordedWith="DynamoDB Local 2.6.1"
 * </pre>
 *
 * Every scenario starts on a server without tables (the recorder deletes all tables between scenarios).
 */
@EnabledIfSystemProperty(named = "dynamodb.oracle.record", matches = "https?://.+")
class DynamoDbOracleRecorder {

    @Test
    void recordsEveryScenario() {
        URI endpoint = URI.create(System.getProperty("dynamodb.oracle.record"));
        String recordedWith = System.getProperty("dynamodb.oracle.recordedWith", "DynamoDB at " + endpoint);
        Path directory = Path.of(System.getProperty("alphacast.project.root"),
                "infra/local-cloud/src/test/resources/dynamodb-oracle");
        ProtocolClient client = new ProtocolClient(endpoint);
        for (OracleScenario scenario : OracleScenario.loadAll(directory)) {
            client.deleteAllTables();
            for (ObjectNode step : scenario.steps()) {
                ProtocolClient.Answer answer = client.send(OracleScenario.target(step), OracleScenario.body(step));
                step.set("expected", OracleComparison.answer(answer.status(), answer.body()));
            }
            scenario.document().put("recordedWith", recordedWith);
            scenario.document().put("recordedOn", LocalDate.now().toString());
            scenario.write();
        }
        client.deleteAllTables();
    }
}

package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A standalone cloud with a DynamoDB data directory starts again with the tables and items of its last run. */
class LocalCloudDataDirectoryTest {

    @Test
    void restartedCloudFindsTheItemsOfItsLastRun(@TempDir Path data) {
        LocalCloudOptions options = LocalCloudOptions.forTemplate(TestTemplates.runnerStack()).stackName("persisted")
                .withoutFunctions().backends(BackendSettings.ephemeral().withDataDirectory(data)).build();
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("delivery-1"), "sk", AttributeValue.fromN("1"));
        try (LocalCloud cloud = LocalCloud.start(options)) {
            String table = cloud.tableName("DeliveriesTable");
            cloud.dynamoDb().putItem(b -> b.tableName(table).item(key));
        }
        try (LocalCloud cloud = LocalCloud.start(options)) {
            String table = cloud.tableName("DeliveriesTable");
            assertThat(cloud.dynamoDb().getItem(b -> b.tableName(table).key(key)).hasItem()).isTrue();
        }
    }

    @Test
    void refusesARestartWhoseTemplateChangedTheKeyOfAPersistedTable(@TempDir Path data, @TempDir Path templates)
            throws IOException {
        LocalCloudOptions first = LocalCloudOptions.forTemplate(TestTemplates.runnerStack()).stackName("persisted")
                .withoutFunctions().backends(BackendSettings.ephemeral().withDataDirectory(data)).build();
        try (LocalCloud cloud = LocalCloud.start(first)) {
            assertThat(cloud.tableName("DeliveriesTable")).isEqualTo("persisted-DeliveriesTable");
        }
        String yaml = Files.readString(TestTemplates.runnerStack());
        // The range key renamed from sk to seq, in both its definition and the key schema.
        assertThat(yaml.split("AttributeName: sk\n", -1)).hasSize(3);
        Path changed = Files.writeString(templates.resolve("changed-key.yaml"),
                yaml.replace("AttributeName: sk\n", "AttributeName: seq\n"));
        LocalCloudOptions changedOptions = LocalCloudOptions.forTemplate(changed).stackName("persisted")
                .withoutFunctions().backends(first.backends()).build();

        assertThatThrownBy(() -> LocalCloud.start(changedOptions).close())
                .hasMessageContaining("table persisted-DeliveriesTable (DeliveriesTable)")
                .hasMessageContaining("key (pk HASH, sk RANGE) in the data directory, (pk HASH, seq RANGE) in the template")
                .hasMessageContaining("Delete the data directory");
    }
}

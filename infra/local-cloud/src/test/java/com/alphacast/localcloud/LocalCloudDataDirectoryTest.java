package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

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
}

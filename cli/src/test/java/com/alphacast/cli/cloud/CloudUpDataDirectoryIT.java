package com.alphacast.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code cloud up --data-dir DIR} run twice: the second stack finds the items the first one wrote. */
class CloudUpDataDirectoryIT {

    @TempDir
    Path home;

    @TempDir
    Path data;

    @Test
    void secondRunWithTheSameDataDirectoryFindsTheItemsOfTheFirst() throws IOException {
        Path project = StackHome.copyInto(home);
        String table = "alphacast-SignalsTable";
        Map<String, AttributeValue> item = Map.of(
                "pk", AttributeValue.fromS("signal#persisted"), "sk", AttributeValue.fromS("run-1"));

        try (CloudStack first = CloudStack.start(options(project), Map.of(), (function, line) -> { })) {
            Map<String, AttributeValue> key = keyOf(first, table, item);
            first.cloud().dynamoDb().putItem(b -> b.tableName(table).item(key));
        }
        try (CloudStack second = CloudStack.start(options(project), Map.of(), (function, line) -> { })) {
            Map<String, AttributeValue> key = keyOf(second, table, item);
            assertThat(second.cloud().dynamoDb().getItem(b -> b.tableName(table).key(key)).item())
                    .as("item written by the first run").isEqualTo(key);
        }
    }

    private CloudUpOptions options(Path project) {
        return new CloudUpOptions(StackHome.freePortBase(), Optional.of(data), "demo", project);
    }

    /** The item with the table's own key attribute names, whatever the template calls them. */
    private static Map<String, AttributeValue> keyOf(CloudStack stack, String table, Map<String, AttributeValue> item) {
        var keySchema = stack.cloud().dynamoDb().describeTable(b -> b.tableName(table)).table().keySchema();
        return keySchema.size() == 1
                ? Map.of(keySchema.get(0).attributeName(), item.get("pk"))
                : Map.of(keySchema.get(0).attributeName(), item.get("pk"), keySchema.get(1).attributeName(), item.get("sk"));
    }
}

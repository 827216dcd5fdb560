package com.alphacast.localcloud.dynamodb.operation;

import com.alphacast.localcloud.dynamodb.storage.KeyAttribute;
import com.alphacast.localcloud.dynamodb.storage.KeySchema;
import com.alphacast.localcloud.dynamodb.storage.SecondaryIndex;
import com.alphacast.localcloud.dynamodb.storage.Table;
import com.alphacast.localcloud.dynamodb.storage.TableSchema;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** The TableDescription DynamoDB returns from CreateTable, DescribeTable and DeleteTable. */
final class TableDescriptions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String region;
    private final String accountId;

    TableDescriptions(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    ObjectNode describe(Table table, String status) {
        TableSchema schema = table.schema();
        ObjectNode description = JSON.objectNode();
        ArrayNode definitions = description.putArray("AttributeDefinitions");
        for (KeyAttribute attribute : schema.attributeDefinitions()) {
            definitions.addObject().put("AttributeName", attribute.name()).put("AttributeType", attribute.type());
        }
        description.put("TableName", schema.name());
        description.set("KeySchema", keySchema(schema.key()));
        description.put("TableStatus", status);
        description.put("CreationDateTime", epochSeconds(schema));
        description.set("ProvisionedThroughput", throughput(schema.readCapacity(), schema.writeCapacity()));
        description.put("TableSizeBytes", table.sizeBytes());
        description.put("ItemCount", table.itemCount());
        String arn = "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + schema.name();
        description.put("TableArn", arn);
        if ("PAY_PER_REQUEST".equals(schema.billingMode())) {
            description.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", epochSeconds(schema));
        }
        ArrayNode locals = JSON.arrayNode();
        ArrayNode globals = JSON.arrayNode();
        for (SecondaryIndex index : schema.indexes()) {
            ObjectNode node = (index.global() ? globals : locals).addObject();
            node.put("IndexName", index.name());
            node.set("KeySchema", keySchema(index.key()));
            ObjectNode projection = node.putObject("Projection").put("ProjectionType", index.projectionType());
            if (index.nonKeyAttributes() != null) {
                ArrayNode nonKey = projection.putArray("NonKeyAttributes");
                index.nonKeyAttributes().forEach(nonKey::add);
            }
            if (index.global()) {
                node.put("IndexStatus", "ACTIVE");
                if (index.readCapacity() != null) {
                    node.putObject("ProvisionedThroughput").put("ReadCapacityUnits", index.readCapacity())
                            .put("WriteCapacityUnits", index.writeCapacity());
                }
            }
            node.put("IndexSizeBytes", table.indexSizeBytes(index.name()));
            node.put("ItemCount", table.indexItemCount(index.name()));
            node.put("IndexArn", arn + "/index/" + index.name());
        }
        if (!locals.isEmpty()) {
            description.set("LocalSecondaryIndexes", locals);
        }
        if (!globals.isEmpty()) {
            description.set("GlobalSecondaryIndexes", globals);
        }
        if (schema.streamViewType() != null) {
            description.putObject("StreamSpecification").put("StreamEnabled", true)
                    .put("StreamViewType", schema.streamViewType());
            String label = java.time.format.DateTimeFormatter.ISO_INSTANT.format(schema.created());
            description.put("LatestStreamLabel", label);
            description.put("LatestStreamArn", arn + "/stream/" + label);
        }
        description.put("DeletionProtectionEnabled", false);
        return description;
    }

    private static BigDecimal epochSeconds(TableSchema schema) {
        return BigDecimal.valueOf(schema.created().toEpochMilli()).movePointLeft(3);
    }

    private static ObjectNode throughput(Long read, Long write) {
        ObjectNode node = JSON.objectNode();
        node.put("LastIncreaseDateTime", BigDecimal.ZERO);
        node.put("LastDecreaseDateTime", BigDecimal.ZERO);
        node.put("NumberOfDecreasesToday", 0);
        node.put("ReadCapacityUnits", read == null ? 0 : read);
        node.put("WriteCapacityUnits", write == null ? 0 : write);
        return node;
    }

    static ArrayNode keySchema(KeySchema key) {
        ArrayNode node = JSON.arrayNode();
        node.addObject().put("AttributeName", key.partition().name()).put("KeyType", "HASH");
        if (key.hasSort()) {
            node.addObject().put("AttributeName", key.sort().name()).put("KeyType", "RANGE");
        }
        return node;
    }
}

package com.alphacast.localcloud.dynamodb.operation;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.storage.Database;
import com.alphacast.localcloud.dynamodb.storage.KeyAttribute;
import com.alphacast.localcloud.dynamodb.storage.KeySchema;
import com.alphacast.localcloud.dynamodb.storage.SecondaryIndex;
import com.alphacast.localcloud.dynamodb.storage.Table;
import com.alphacast.localcloud.dynamodb.storage.TableSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CreateTable, DeleteTable, DescribeTable, ListTables, UpdateTimeToLive and DescribeTimeToLive. Tables are ACTIVE as
 * soon as they are created and gone as soon as they are deleted.
 */
public final class TableOperations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Database database;
    private final TableDescriptions descriptions;

    public TableOperations(Database database, String region, String accountId) {
        this.database = database;
        this.descriptions = new TableDescriptions(region, accountId);
    }

    public ObjectNode createTable(JsonNode request) {
        TableSchema schema = schema(request);
        return database.write(() -> {
            if (database.exists(schema.name())) {
                throw DynamoDbException.resourceInUse("Cannot create preexisting table");
            }
            Table table = database.create(schema);
            ObjectNode response = JSON.objectNode();
            response.set("TableDescription", descriptions.describe(table, "ACTIVE"));
            return response;
        });
    }

    public ObjectNode deleteTable(JsonNode request) {
        String name = RequestFields.tableName(request);
        return database.write(() -> {
            Table table = database.drop(name);
            ObjectNode response = JSON.objectNode();
            // DynamoDB Local (the recorded oracle) reports the table as it was; the table is gone at once either way.
            response.set("TableDescription", descriptions.describe(table, "ACTIVE"));
            return response;
        });
    }

    public ObjectNode describeTable(JsonNode request) {
        String name = RequestFields.tableName(request);
        return database.read(() -> {
            Table table = database.table(name);
            ObjectNode response = JSON.objectNode();
            response.set("Table", descriptions.describe(table, "ACTIVE"));
            return response;
        });
    }

    public ObjectNode listTables(JsonNode request) {
        String start = RequestFields.optionalText(request, "ExclusiveStartTableName");
        JsonNode limitNode = request.get("Limit");
        int limit = 100;
        if (limitNode != null && !limitNode.isNull()) {
            limit = limitNode.asInt();
            if (limit < 1 || limit > 100) {
                throw DynamoDbException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed "
                        + "to satisfy constraint: Member must have value " + (limit < 1 ? "greater than or equal to 1"
                        : "less than or equal to 100"));
            }
        }
        int pageSize = limit;
        return database.read(() -> {
            List<String> names = database.tableNames().stream()
                    .filter(name -> start == null || name.compareTo(start) > 0).toList();
            ObjectNode response = JSON.objectNode();
            ArrayNode array = response.putArray("TableNames");
            names.stream().limit(pageSize).forEach(array::add);
            if (names.size() > pageSize) {
                response.put("LastEvaluatedTableName", names.get(pageSize - 1));
            }
            return response;
        });
    }

    public ObjectNode updateTimeToLive(JsonNode request) {
        String name = RequestFields.tableName(request);
        JsonNode specification = request.get("TimeToLiveSpecification");
        if (specification == null || specification.isNull()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'timeToLiveSpecification' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        String attribute = RequestFields.optionalText(specification, "AttributeName");
        JsonNode enabledNode = specification.get("Enabled");
        if (attribute == null || enabledNode == null || !enabledNode.isBoolean()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'timeToLiveSpecification."
                    + (attribute == null ? "attributeName" : "enabled") + "' failed to satisfy constraint: Member must not be null");
        }
        boolean enabled = enabledNode.booleanValue();
        return database.write(() -> {
            Table table = database.table(name);
            if (enabled && table.ttlAttribute() != null) {
                throw DynamoDbException.validation("TimeToLive is already enabled");
            }
            if (!enabled && table.ttlAttribute() == null) {
                throw DynamoDbException.validation("TimeToLive is already disabled");
            }
            if (!enabled && !attribute.equals(table.ttlAttribute())) {
                throw DynamoDbException.validation("TimeToLive is active on a different AttributeName: current "
                        + "AttributeName is " + table.ttlAttribute());
            }
            database.timeToLive(table, enabled ? attribute : null);
            ObjectNode response = JSON.objectNode();
            response.putObject("TimeToLiveSpecification").put("AttributeName", attribute).put("Enabled", enabled);
            return response;
        });
    }

    public ObjectNode describeTimeToLive(JsonNode request) {
        String name = RequestFields.tableName(request);
        return database.read(() -> {
            Table table = database.table(name);
            ObjectNode response = JSON.objectNode();
            ObjectNode description = response.putObject("TimeToLiveDescription");
            if (table.ttlAttribute() == null) {
                description.put("TimeToLiveStatus", "DISABLED");
            } else {
                description.put("TimeToLiveStatus", "ENABLED").put("AttributeName", table.ttlAttribute());
            }
            return response;
        });
    }

    // ---- CreateTable validation

    private TableSchema schema(JsonNode request) {
        String name = RequestFields.tableName(request);
        Map<String, String> definitions = new LinkedHashMap<>();
        JsonNode definitionsNode = request.get("AttributeDefinitions");
        if (definitionsNode == null || !definitionsNode.isArray()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'attributeDefinitions' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        for (JsonNode definition : definitionsNode) {
            String attribute = RequestFields.optionalText(definition, "AttributeName");
            String type = RequestFields.optionalText(definition, "AttributeType");
            if (attribute == null || type == null) {
                throw DynamoDbException.validation("1 validation error detected: Value null at 'attributeDefinitions."
                        + (attribute == null ? "attributeName" : "attributeType")
                        + "' failed to satisfy constraint: Member must not be null");
            }
            if (!List.of("S", "N", "B").contains(type)) {
                throw DynamoDbException.validation("Member must satisfy enum value set: [B, N, S]");
            }
            if (definitions.put(attribute, type) != null) {
                throw DynamoDbException.validation("Cannot have two attributes with the same name. Attribute name: "
                        + attribute);
            }
        }
        KeySchema key = keySchema(request.get("KeySchema"), definitions, "keySchema");
        Set<String> used = new HashSet<>();
        key.attributes().forEach(a -> used.add(a.name()));

        List<SecondaryIndex> indexes = new ArrayList<>();
        Set<String> indexNames = new HashSet<>();
        JsonNode locals = request.get("LocalSecondaryIndexes");
        if (locals != null && !locals.isNull()) {
            if (!key.hasSort()) {
                throw DynamoDbException.validation(
                        "Local Secondary indices are not allowed on hash tables, only hash and range tables");
            }
            for (JsonNode local : locals) {
                SecondaryIndex index = index(local, false, definitions, null);
                if (!index.key().partition().name().equals(key.partition().name()) || !index.key().hasSort()) {
                    throw DynamoDbException.validation(
                            "Local Secondary indices must have the same hash key as the main table");
                }
                addIndex(indexes, indexNames, index, used);
            }
            if (locals.size() > 5) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Number of LocalSecondaryIndexes "
                        + "exceeds per-table limit of 5");
            }
        }
        String billingMode = RequestFields.enumValue(request, "BillingMode", List.of("PROVISIONED", "PAY_PER_REQUEST"),
                "Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        billingMode = billingMode == null ? "PROVISIONED" : billingMode;
        JsonNode throughput = request.get("ProvisionedThroughput");
        Long read = null;
        Long write = null;
        // An on-demand table ignores a ProvisionedThroughput it is given, as the recorded DynamoDB Local does.
        if (billingMode.equals("PROVISIONED")) {
            if (throughput == null || throughput.isNull()) {
                throw DynamoDbException.validation("No provisioned throughput specified for the table");
            }
            read = capacity(throughput, "ReadCapacityUnits");
            write = capacity(throughput, "WriteCapacityUnits");
        }
        JsonNode globals = request.get("GlobalSecondaryIndexes");
        if (globals != null && !globals.isNull()) {
            for (JsonNode global : globals) {
                addIndex(indexes, indexNames, index(global, true, definitions, billingMode), used);
            }
        }
        if (!used.containsAll(definitions.keySet())) {
            throw DynamoDbException.validation("The number of attributes in key schema must match the number of "
                    + "attributes defined in attribute definitions.");
        }
        List<KeyAttribute> definitionList = new ArrayList<>();
        definitions.forEach((attribute, type) -> definitionList.add(new KeyAttribute(attribute, type)));
        return new TableSchema(name, key, definitionList, indexes, billingMode, read, write, streamViewType(request),
                database.now());
    }

    /** The view type of an enabled stream, or null. The stream is described; reading it is not offered. */
    private static String streamViewType(JsonNode request) {
        JsonNode specification = request.get("StreamSpecification");
        if (specification == null || specification.isNull() || !RequestFields.flag(specification, "StreamEnabled")) {
            return null;
        }
        return RequestFields.enumValue(specification, "StreamViewType",
                List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"),
                "Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]") == null
                ? "NEW_AND_OLD_IMAGES" : specification.get("StreamViewType").asText();
    }

    private static void addIndex(List<SecondaryIndex> indexes, Set<String> names, SecondaryIndex index, Set<String> used) {
        if (!names.add(index.name())) {
            throw DynamoDbException.validation("Two " + (index.global() ? "global" : "local")
                    + " secondary indices have the same name");
        }
        indexes.add(index);
        index.key().attributes().forEach(a -> used.add(a.name()));
    }

    private static SecondaryIndex index(JsonNode node, boolean global, Map<String, String> definitions, String billingMode) {
        String member = global ? "globalSecondaryIndexes" : "localSecondaryIndexes";
        String name = RequestFields.tableName(node.get("IndexName"), member + ".indexName");
        KeySchema key = keySchema(node.get("KeySchema"), definitions, member + ".1.member.keySchema");
        JsonNode projection = node.get("Projection");
        if (projection == null || projection.isNull()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at '" + member
                    + ".1.member.projection' failed to satisfy constraint: Member must not be null");
        }
        String type = RequestFields.optionalText(projection, "ProjectionType");
        if (type == null || !List.of("ALL", "KEYS_ONLY", "INCLUDE").contains(type)) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Unknown ProjectionType: " + type);
        }
        List<String> nonKey = null;
        JsonNode nonKeyNode = projection.get("NonKeyAttributes");
        if (nonKeyNode != null && !nonKeyNode.isNull()) {
            if (!type.equals("INCLUDE")) {
                throw DynamoDbException.validation("One or more parameter values were invalid: ProjectionType is " + type
                        + ", but NonKeyAttributes is specified");
            }
            nonKey = new ArrayList<>();
            for (JsonNode attribute : nonKeyNode) {
                nonKey.add(attribute.asText());
            }
        } else if (type.equals("INCLUDE")) {
            throw DynamoDbException.validation("If Projection type INCLUDE is specified, some non-key attributes to "
                    + "include in the projection must be specified as well");
        }
        Long read = null;
        Long write = null;
        JsonNode throughput = node.get("ProvisionedThroughput");
        if (global) {
            if ("PROVISIONED".equals(billingMode)) {
                if (throughput == null || throughput.isNull()) {
                    throw DynamoDbException.validation("No provisioned throughput specified for the global secondary index");
                }
                read = capacity(throughput, "ReadCapacityUnits");
                write = capacity(throughput, "WriteCapacityUnits");
            }
        }
        return new SecondaryIndex(name, global, key, type, nonKey, read, write);
    }

    private static KeySchema keySchema(JsonNode node, Map<String, String> definitions, String member) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (node.size() > 2) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + node + "' at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to 2");
        }
        List<KeyAttribute> attributes = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (JsonNode element : node) {
            String attribute = RequestFields.optionalText(element, "AttributeName");
            String kind = RequestFields.optionalText(element, "KeyType");
            if (attribute == null || kind == null || !List.of("HASH", "RANGE").contains(kind)) {
                throw DynamoDbException.validation("1 validation error detected: Value '" + kind + "' at '" + member
                        + ".1.member.keyType' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]");
            }
            attributes.add(new KeyAttribute(attribute, definitions.get(attribute)));
            kinds.add(kind);
        }
        if (kinds.size() == 2 && kinds.get(0).equals(kinds.get(1))) {
            String kind = kinds.get(0).equals("HASH") ? "hash" : "range";
            throw DynamoDbException.validation("Too many " + kind + " keys specified.  All Dynamo DB tables must have "
                    + "exactly one " + kind + " key");
        }
        if (!kinds.get(0).equals("HASH")) {
            throw DynamoDbException.validation("Invalid key order. Hash Key must be specified first in key schema, Range "
                    + "Key must be specifed second");
        }
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).type() == null) {
                throw DynamoDbException.validation((i == 0 ? "Hash" : "Range")
                        + " Key not specified in Attribute Definitions.  Type unknown.");
            }
        }
        if (attributes.size() == 2 && attributes.get(0).name().equals(attributes.get(1).name())) {
            throw DynamoDbException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same "
                    + "name");
        }
        return new KeySchema(attributes.get(0), attributes.size() == 2 ? attributes.get(1) : null);
    }

    private static long capacity(JsonNode throughput, String member) {
        JsonNode value = throughput.get(member);
        if (value == null || !value.canConvertToLong()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'provisionedThroughput."
                    + Character.toLowerCase(member.charAt(0)) + member.substring(1)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        long units = value.asLong();
        if (units < 1) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + units + "' at 'provisionedThroughput."
                    + Character.toLowerCase(member.charAt(0)) + member.substring(1)
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return units;
    }
}

package com.alphacast.localcloud.dynamodb.operation;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.expression.ExpressionAttributes;
import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import com.alphacast.localcloud.dynamodb.protocol.AttributeValueJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and validates the request members shared by many operations, with DynamoDB's messages. */
final class RequestFields {

    private static final List<String> LEGACY = List.of("Expected", "AttributeUpdates", "KeyConditions", "QueryFilter",
            "ScanFilter", "AttributesToGet", "ConditionalOperator");

    private RequestFields() {
    }

    static String tableName(JsonNode request) {
        return tableName(request.get("TableName"), "tableName");
    }

    /** A table or index name: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'. */
    static String tableName(JsonNode node, String member) {
        String name = node == null || !node.isTextual() ? null : node.textValue();
        if (name == null || name.length() < 3 || name.length() > 255 || !name.matches("[a-zA-Z0-9_.-]+")) {
            throw DynamoDbException.validation("Invalid table/index name.  Table/index names must be between 3 and 255 "
                    + "characters long, and may contain only the characters a-z, A-Z, 0-9, '_', '-', and '.'");
        }
        return name;
    }

    static String text(JsonNode node, String member) {
        if (!node.isTextual()) {
            throw DynamoDbException.serialization("Unexpected value type in payload for " + member);
        }
        return node.textValue();
    }

    /** An optional string member; null when absent. */
    static String optionalText(JsonNode request, String member) {
        JsonNode node = request.get(member);
        return node == null || node.isNull() ? null : text(node, member);
    }

    static boolean flag(JsonNode request, String member) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw DynamoDbException.serialization("Unexpected value type in payload for " + member);
        }
        return node.booleanValue();
    }

    /** An enum-valued member checked against its allowed values (null when absent). */
    static String enumValue(JsonNode request, String member, List<String> allowed, String invalid) {
        String value = optionalText(request, member);
        if (value != null && !allowed.contains(value)) {
            throw DynamoDbException.validation(invalid);
        }
        return value;
    }

    /** A required item or key member; {@code missing} is the message when it is absent. */
    static Map<String, AttributeValue> item(JsonNode request, String member, String missing) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            throw DynamoDbException.validation(missing);
        }
        return AttributeValueJson.readItem(node);
    }

    static Map<String, AttributeValue> key(JsonNode request) {
        return item(request, "Key", "Cannot have null key for GetItem, DeleteItem, or UpdateItem");
    }

    static ExpressionAttributes expressionAttributes(JsonNode request) {
        Map<String, String> names = null;
        JsonNode namesNode = request.get("ExpressionAttributeNames");
        if (namesNode != null && !namesNode.isNull()) {
            if (!namesNode.isObject()) {
                throw DynamoDbException.serialization("Unexpected value type in payload for ExpressionAttributeNames");
            }
            names = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = namesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                names.put(entry.getKey(), text(entry.getValue(), "ExpressionAttributeNames"));
            }
            if (names.isEmpty()) {
                throw DynamoDbException.validation("ExpressionAttributeNames must not be empty");
            }
            for (String key : names.keySet()) {
                if (!key.startsWith("#")) {
                    throw DynamoDbException.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \""
                            + key + "\"");
                }
            }
        }
        Map<String, AttributeValue> values = null;
        JsonNode valuesNode = request.get("ExpressionAttributeValues");
        if (valuesNode != null && !valuesNode.isNull()) {
            values = AttributeValueJson.readItem(valuesNode);
            if (values.isEmpty()) {
                throw DynamoDbException.validation("ExpressionAttributeValues must not be empty");
            }
            for (String key : values.keySet()) {
                if (!key.startsWith(":")) {
                    throw DynamoDbException.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \""
                            + key + "\"");
                }
            }
        }
        return new ExpressionAttributes(names, values);
    }

    /** Refuses the pre-expression parameters: this server implements the expression API only. */
    static void refuseLegacy(JsonNode request) {
        for (String member : LEGACY) {
            if (request.has(member)) {
                throw DynamoDbException.validation("The legacy parameter " + member
                        + " is not supported by this server; use the equivalent expression parameter");
            }
        }
    }

    /** An expression with nothing to use it: DynamoDB refuses the unused maps outright. */
    static void refuseAttributesWithoutExpressions(JsonNode request, boolean anyExpression, String whichAreNull) {
        if (anyExpression) {
            return;
        }
        if (request.has("ExpressionAttributeNames")) {
            throw DynamoDbException.validation(
                    "ExpressionAttributeNames can only be specified when using expressions: " + whichAreNull);
        }
        if (request.has("ExpressionAttributeValues")) {
            throw DynamoDbException.validation(
                    "ExpressionAttributeValues can only be specified when using expressions: " + whichAreNull);
        }
    }
}

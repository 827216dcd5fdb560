package com.alphacast.localcloud.dynamodb.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a recorded answer with a replayed one. Ignored: fields that differ between any two runs (timestamps,
 * ARNs, ids) and the order of set members. Scan results are compared as a multiset unless the step says
 * {@code "ordered": true}: DynamoDB's scan order is the order of hashed partition keys, which no server shares.
 * Errors compare status, error type (after {@code #}) and message.
 */
final class OracleComparison {

    private static final Set<String> VOLATILE = Set.of("CreationDateTime", "TableArn", "TableId", "IndexArn",
            "LastUpdateToPayPerRequestDateTime", "LastIncreaseDateTime", "LastDecreaseDateTime", "LatestStreamArn",
            "LatestStreamLabel",
            // DynamoDB Local returns it unasked on a DeleteItem of an absent item; this server returns it only when asked.
            "ConsumedCapacity");
    private static final Set<String> SETS = Set.of("SS", "NS", "BS");
    /** Index lists of a table description: DynamoDB gives no order (DynamoDB Local does not keep the request's). */
    private static final Set<String> UNORDERED_LISTS = Set.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes");

    private OracleComparison() {
    }

    static ObjectNode answer(int status, JsonNode body) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("status", status);
        answer.set("body", body);
        return answer;
    }

    static List<String> differences(ObjectNode step, ObjectNode expected, ObjectNode actual) {
        List<String> differences = new ArrayList<>();
        int expectedStatus = expected.get("status").asInt();
        int actualStatus = actual.get("status").asInt();
        if (expectedStatus != actualStatus) {
            differences.add("status " + expectedStatus + " expected, got " + actualStatus + ": " + actual.get("body"));
            return differences;
        }
        JsonNode expectedBody = expected.get("body");
        JsonNode actualBody = actual.get("body");
        if (expectedStatus != 200) {
            String expectedType = errorType(expectedBody);
            String actualType = errorType(actualBody);
            if (!expectedType.equals(actualType)) {
                differences.add("error type " + expectedType + " expected, got " + actualType);
            }
            String expectedMessage = message(expectedBody);
            String actualMessage = message(actualBody);
            if (!expectedMessage.equals(actualMessage)) {
                differences.add("message\n  expected: " + expectedMessage + "\n  actual:   " + actualMessage);
            }
            JsonNode expectedReasons = expectedBody.get("CancellationReasons");
            if (expectedReasons != null && !normalise(expectedReasons, false).equals(
                    normalise(actualBody.path("CancellationReasons"), false))) {
                differences.add("CancellationReasons\n  expected: " + expectedReasons + "\n  actual:   "
                        + actualBody.get("CancellationReasons"));
            }
            JsonNode expectedItem = expectedBody.get("Item");
            if (expectedItem != null && !normalise(expectedItem, false).equals(normalise(actualBody.path("Item"), false))) {
                differences.add("Item\n  expected: " + expectedItem + "\n  actual:   " + actualBody.get("Item"));
            }
            return differences;
        }
        boolean unorderedItems = step.get("op").asText().equals("Scan") && !step.path("ordered").asBoolean(false)
                || step.path("unordered").asBoolean(false);
        JsonNode a = normalise(expectedBody, unorderedItems);
        JsonNode b = normalise(actualBody, unorderedItems);
        if (!a.equals(b)) {
            differences.add("body\n  expected: " + a + "\n  actual:   " + b);
        }
        return differences;
    }

    static String errorType(JsonNode body) {
        String type = body.path("__type").asText("");
        return type.substring(type.indexOf('#') + 1);
    }

    static String message(JsonNode body) {
        JsonNode message = body.has("message") ? body.get("message") : body.get("Message");
        return message == null || message.isNull() ? "" : message.asText();
    }

    /** A copy without volatile fields, with sets sorted and (optionally) every Items array sorted. */
    static JsonNode normalise(JsonNode node, boolean unorderedItems) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (VOLATILE.contains(field.getKey())) {
                    continue;
                }
                JsonNode value = normalise(field.getValue(), unorderedItems);
                if ((SETS.contains(field.getKey()) || UNORDERED_LISTS.contains(field.getKey())
                        || (unorderedItems && field.getKey().equals("Items")))
                        && value.isArray()) {
                    value = sorted((ArrayNode) value);
                }
                copy.set(field.getKey(), value);
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(normalise(element, unorderedItems)));
            return copy;
        }
        return node;
    }

    /** The node as text with object fields in name order, so equal values sort together whatever their field order. */
    private static String canonical(JsonNode node) {
        if (node.isObject()) {
            java.util.TreeMap<String, String> fields = new java.util.TreeMap<>();
            node.fields().forEachRemaining(field -> fields.put(field.getKey(), canonical(field.getValue())));
            return fields.toString();
        }
        if (node.isArray()) {
            List<String> elements = new ArrayList<>();
            node.forEach(element -> elements.add(canonical(element)));
            return elements.toString();
        }
        return node.toString();
    }

    private static ArrayNode sorted(ArrayNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        elements.sort(Comparator.comparing(OracleComparison::canonical));
        ArrayNode copy = JsonNodeFactory.instance.arrayNode();
        elements.forEach(copy::add);
        return copy;
    }
}

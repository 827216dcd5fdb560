package com.alphacast.localcloud.dynamodb.protocol;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import com.alphacast.localcloud.dynamodb.item.Numbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts attribute values and items between DynamoDB's JSON form ({@code {"S":"x"}}) and {@link AttributeValue}. */
public final class AttributeValueJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** DynamoDB accepts documents nested up to 32 levels deep. */
    private static final int MAX_NESTING = 32;

    private AttributeValueJson() {
    }

    public static Map<String, AttributeValue> readItem(JsonNode node) {
        return readItem(node, 0);
    }

    private static Map<String, AttributeValue> readItem(JsonNode node, int depth) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return item;
        }
        if (!node.isObject()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            item.put(field.getKey(), read(field.getValue(), depth));
        }
        return item;
    }

    public static AttributeValue read(JsonNode node) {
        return read(node, 0);
    }

    private static AttributeValue read(JsonNode node, int depth) {
        if (depth > MAX_NESTING) {
            throw DynamoDbException.validation("Nesting Levels have exceeded supported limits");
        }
        if (node == null || !node.isObject()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        int size = node.size();
        if (size == 0) {
            throw DynamoDbException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (size > 1) {
            throw DynamoDbException.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        Map.Entry<String, JsonNode> entry = node.fields().next();
        JsonNode value = entry.getValue();
        return switch (entry.getKey()) {
            case "S" -> new AttributeValue.S(text(value));
            case "N" -> new AttributeValue.N(Numbers.parse(text(value)));
            case "B" -> new AttributeValue.B(binary(value));
            case "BOOL" -> {
                if (!value.isBoolean()) {
                    throw DynamoDbException.serialization("Unexpected value type in payload");
                }
                yield new AttributeValue.Bool(value.booleanValue());
            }
            case "NULL" -> {
                if (!value.isBoolean()) {
                    throw DynamoDbException.serialization("Unexpected value type in payload");
                }
                if (!value.booleanValue()) {
                    throw DynamoDbException.validation("One or more parameter values were invalid: "
                            + "Null attribute value types must have the value of true");
                }
                yield new AttributeValue.Null();
            }
            case "L" -> {
                List<AttributeValue> values = new ArrayList<>();
                for (JsonNode element : array(value)) {
                    values.add(read(element, depth + 1));
                }
                yield new AttributeValue.L(values);
            }
            case "M" -> {
                if (!value.isObject()) {
                    throw DynamoDbException.serialization("Unexpected value type in payload");
                }
                yield new AttributeValue.M(readItem(value, depth + 1));
            }
            case "SS" -> {
                Set<String> values = new LinkedHashSet<>();
                List<String> raw = new ArrayList<>();
                for (JsonNode element : array(value)) {
                    raw.add(text(element));
                    values.add(text(element));
                }
                checkSet(raw, values.size(), "string");
                yield new AttributeValue.SS(values);
            }
            case "NS" -> {
                Set<BigDecimal> values = new LinkedHashSet<>();
                List<String> raw = new ArrayList<>();
                for (JsonNode element : array(value)) {
                    raw.add(text(element));
                    values.add(Numbers.parse(text(element)));
                }
                checkSet(raw, values.size(), "number");
                yield new AttributeValue.NS(values);
            }
            case "BS" -> {
                Set<AttributeValue.Binary> values = new LinkedHashSet<>();
                List<String> raw = new ArrayList<>();
                for (JsonNode element : array(value)) {
                    raw.add(text(element));
                    values.add(binary(element));
                }
                checkSet(raw, values.size(), "binary");
                yield new AttributeValue.BS(values);
            }
            default -> throw DynamoDbException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        };
    }

    private static void checkSet(List<String> raw, int distinct, String kind) {
        if (raw.isEmpty()) {
            throw DynamoDbException.validation("One or more parameter values were invalid: An " + kind
                    + " set  may not be empty");
        }
        if (distinct != raw.size()) {
            // Worded as the recorded DynamoDB Local words it: the members are named for string sets only.
            throw DynamoDbException.validation(kind.equals("string") ? "One or more parameter values were invalid: "
                    + "Input collection " + raw + " contains duplicates" : "Input collection contains duplicates");
        }
    }

    private static String text(JsonNode value) {
        if (!value.isTextual()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        return value.textValue();
    }

    private static AttributeValue.Binary binary(JsonNode value) {
        String text = text(value);
        try {
            return AttributeValue.Binary.ofBase64(text);
        } catch (IllegalArgumentException e) {
            throw DynamoDbException.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: "
                    + text.length());
        }
    }

    private static Iterable<JsonNode> array(JsonNode value) {
        if (!value.isArray()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        return value;
    }

    public static ObjectNode writeItem(Map<String, AttributeValue> item) {
        ObjectNode node = JSON.objectNode();
        item.forEach((name, value) -> node.set(name, write(value)));
        return node;
    }

    public static ObjectNode write(AttributeValue value) {
        ObjectNode node = JSON.objectNode();
        if (value instanceof AttributeValue.S s) {
            node.put("S", s.value());
        } else if (value instanceof AttributeValue.N n) {
            node.put("N", Numbers.format(n.value()));
        } else if (value instanceof AttributeValue.B b) {
            node.put("B", b.value().base64());
        } else if (value instanceof AttributeValue.Bool b) {
            node.put("BOOL", b.value());
        } else if (value instanceof AttributeValue.Null) {
            node.put("NULL", true);
        } else if (value instanceof AttributeValue.L l) {
            ArrayNode array = node.putArray("L");
            l.values().forEach(v -> array.add(write(v)));
        } else if (value instanceof AttributeValue.M m) {
            node.set("M", writeItem(m.values()));
        } else if (value instanceof AttributeValue.SS ss) {
            ArrayNode array = node.putArray("SS");
            ss.values().forEach(array::add);
        } else if (value instanceof AttributeValue.NS ns) {
            ArrayNode array = node.putArray("NS");
            ns.values().forEach(v -> array.add(Numbers.format(v)));
        } else if (value instanceof AttributeValue.BS bs) {
            ArrayNode array = node.putArray("BS");
            bs.values().forEach(v -> array.add(v.base64()));
        }
        return node;
    }
}

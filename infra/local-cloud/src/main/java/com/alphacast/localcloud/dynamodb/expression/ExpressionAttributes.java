package com.alphacast.localcloud.dynamodb.expression;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues, remembering which the request's expressions
 * used so that unused ones are refused as DynamoDB refuses them.
 */
public final class ExpressionAttributes {

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = names;
        this.values = values;
    }

    /** The name behind {@code #placeholder}, or null if undefined. */
    String name(String placeholder) {
        String name = names == null ? null : names.get(placeholder);
        if (name != null) {
            usedNames.add(placeholder);
        }
        return name;
    }

    AttributeValue value(String placeholder) {
        AttributeValue value = values == null ? null : values.get(placeholder);
        if (value != null) {
            usedValues.add(placeholder);
        }
        return value;
    }

    /** Refuses placeholders no expression used, after all of a request's expressions were parsed. */
    public void requireAllUsed() {
        if (names != null) {
            Set<String> unused = new TreeSet<>(names.keySet());
            unused.removeAll(usedNames);
            if (!unused.isEmpty()) {
                throw DynamoDbException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                        + String.join(", ", unused) + "}");
            }
        }
        if (values != null) {
            Set<String> unused = new TreeSet<>(values.keySet());
            unused.removeAll(usedValues);
            if (!unused.isEmpty()) {
                throw DynamoDbException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                        + String.join(", ", unused) + "}");
            }
        }
    }
}

package com.alphacast.localcloud.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answered the way DynamoDB answers it: HTTP 400 (500 for internal failures) and a JSON body with
 * {@code __type} and {@code message}, plus extra fields some errors carry (the old {@code Item} of a failed condition,
 * a transaction's {@code CancellationReasons}).
 */
public final class DynamoDbException extends RuntimeException {

    private static final String PREFIX = "com.amazonaws.dynamodb.v20120810#";

    private final String type;
    private final int status;
    private final ObjectNode extra;

    public DynamoDbException(String type, String message, int status, ObjectNode extra) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.extra = extra;
    }

    public static DynamoDbException validation(String message) {
        return new DynamoDbException("ValidationException", message, 400, null);
    }

    public static DynamoDbException resourceNotFound() {
        return new DynamoDbException("ResourceNotFoundException", "Requested resource not found", 400, null);
    }

    public static DynamoDbException resourceNotFound(String message) {
        return new DynamoDbException("ResourceNotFoundException", message, 400, null);
    }

    public static DynamoDbException resourceInUse(String message) {
        return new DynamoDbException("ResourceInUseException", message, 400, null);
    }

    public static DynamoDbException conditionalCheckFailed(ObjectNode item) {
        ObjectNode extra = null;
        if (item != null) {
            extra = JsonNodeFactory.instance.objectNode();
            extra.set("Item", item);
        }
        return new DynamoDbException("ConditionalCheckFailedException", "The conditional request failed", 400, extra);
    }

    public static DynamoDbException serialization(String message) {
        return new DynamoDbException("SerializationException", message, 400, null);
    }

    public static DynamoDbException unknownOperation() {
        return new DynamoDbException("UnknownOperationException", "An unknown operation was requested.", 400, null);
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    /** The body DynamoDB sends for this error. */
    public ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", PREFIX + type);
        if (getMessage() != null) {
            body.put("message", getMessage());
        }
        if (extra != null) {
            body.setAll(extra);
        }
        return body;
    }
}

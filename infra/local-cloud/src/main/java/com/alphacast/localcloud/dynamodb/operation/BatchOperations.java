package com.alphacast.localcloud.dynamodb.operation;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.expression.Documents;
import com.alphacast.localcloud.dynamodb.expression.ExpressionAttributes;
import com.alphacast.localcloud.dynamodb.expression.ExpressionParser;
import com.alphacast.localcloud.dynamodb.expression.Path;
import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import com.alphacast.localcloud.dynamodb.protocol.AttributeValueJson;
import com.alphacast.localcloud.dynamodb.storage.Database;
import com.alphacast.localcloud.dynamodb.storage.StoredKey;
import com.alphacast.localcloud.dynamodb.storage.Table;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem (at most 100 keys) and BatchWriteItem (at most 25 requests). Everything is validated before anything
 * is read or written, and nothing is ever left unprocessed.
 */
public final class BatchOperations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Database database;

    public BatchOperations(Database database) {
        this.database = database;
    }

    public ObjectNode batchGetItem(JsonNode request) {
        JsonNode requestItems = requestItems(request, "BatchGetItem");
        int total = 0;
        for (JsonNode tableRequest : requestItems) {
            JsonNode keys = tableRequest.get("Keys");
            total += keys == null ? 0 : keys.size();
        }
        if (total > 100) {
            throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
        }
        return database.read(() -> {
            record TableRead(Table table, List<StoredKey> keys, List<Path> projection) {
            }
            List<TableRead> reads = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode tableRequest = entry.getValue();
                RequestFields.refuseLegacy(tableRequest);
                ExpressionAttributes attributes = RequestFields.expressionAttributes(tableRequest);
                String expression = RequestFields.optionalText(tableRequest, "ProjectionExpression");
                List<Path> projection = expression == null ? null : ExpressionParser.projection(expression, attributes);
                RequestFields.refuseAttributesWithoutExpressions(tableRequest, expression != null,
                        "ProjectionExpression is null");
                attributes.requireAllUsed();
                RequestFields.flag(tableRequest, "ConsistentRead");
                Table table = database.table(RequestFields.tableName(JSON.textNode(entry.getKey()), "requestItems"));
                JsonNode keysNode = tableRequest.get("Keys");
                if (keysNode == null || !keysNode.isArray() || keysNode.isEmpty()) {
                    throw DynamoDbException.validation("1 validation error detected: Value null at 'requestItems."
                            + entry.getKey() + ".member.keys' failed to satisfy constraint: Member must not be null");
                }
                List<StoredKey> keys = new ArrayList<>();
                Set<StoredKey> seen = new HashSet<>();
                for (JsonNode keyNode : keysNode) {
                    StoredKey key = KeyRules.key(table, AttributeValueJson.readItem(keyNode));
                    if (!seen.add(key)) {
                        throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                    }
                    keys.add(key);
                }
                reads.add(new TableRead(table, keys, projection));
            }
            ObjectNode response = JSON.objectNode();
            ObjectNode responses = response.putObject("Responses");
            for (TableRead read : reads) {
                ArrayNode items = responses.putArray(read.table().name());
                for (StoredKey key : read.keys()) {
                    Map<String, AttributeValue> item = read.table().live(key, database.now());
                    if (item != null) {
                        items.add(AttributeValueJson.writeItem(read.projection() == null ? item
                                : Documents.project(item, read.projection())));
                    }
                }
            }
            response.putObject("UnprocessedKeys");
            return response;
        });
    }

    public ObjectNode batchWriteItem(JsonNode request) {
        JsonNode requestItems = requestItems(request, "BatchWriteItem");
        int total = 0;
        for (JsonNode writes : requestItems) {
            total += writes.size();
        }
        if (total > 25) {
            throw DynamoDbException.validation("Too many items requested for the BatchWriteItem call");
        }
        return database.write(() -> {
            record Write(Table table, StoredKey key, Map<String, AttributeValue> item) {
            }
            List<Write> writes = new ArrayList<>();
            Set<List<Object>> seen = new HashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Table table = database.table(RequestFields.tableName(JSON.textNode(entry.getKey()), "requestItems"));
                if (!entry.getValue().isArray() || entry.getValue().isEmpty()) {
                    throw DynamoDbException.validation("1 validation error detected: Value '" + entry.getValue()
                            + "' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: "
                            + "[Member must have length less than or equal to 25, Member must have length greater than "
                            + "or equal to 1]");
                }
                for (JsonNode writeRequest : entry.getValue()) {
                    JsonNode put = writeRequest.get("PutRequest");
                    JsonNode delete = writeRequest.get("DeleteRequest");
                    if ((put == null) == (delete == null)) {
                        throw DynamoDbException.validation("Supplied AttributeValue has more than one datatypes set, "
                                + "must contain exactly one of the supported datatypes");
                    }
                    Write write;
                    if (put != null) {
                        Map<String, AttributeValue> item = RequestFields.item(put, "Item", "Item to put in PutItem cannot be null");
                        write = new Write(table, KeyRules.item(table, item), item);
                    } else {
                        write = new Write(table, KeyRules.key(table, RequestFields.key(delete)), null);
                    }
                    if (!seen.add(List.of(table.name(), write.key()))) {
                        throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                    }
                    writes.add(write);
                }
            }
            for (Write write : writes) {
                if (write.item() != null) {
                    database.put(write.table(), write.item());
                } else {
                    database.delete(write.table(), write.key());
                }
            }
            ObjectNode response = JSON.objectNode();
            response.putObject("UnprocessedItems");
            return response;
        });
    }

    private static JsonNode requestItems(JsonNode request, String operation) {
        JsonNode requestItems = request.get("RequestItems");
        if (requestItems != null && !requestItems.isNull() && !requestItems.isObject()) {
            throw DynamoDbException.serialization("Unexpected value type in payload for RequestItems");
        }
        if (requestItems == null || requestItems.isEmpty()) {
            throw DynamoDbException.validation(operation + " cannot have a null or no requests set");
        }
        return requestItems;
    }
}

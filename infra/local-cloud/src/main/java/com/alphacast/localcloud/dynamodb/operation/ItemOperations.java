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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** PutItem, GetItem, UpdateItem and DeleteItem. */
public final class ItemOperations {

    private static final List<String> RETURN_VALUES = List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");

    private final Database database;
    private final ItemWrites writes;

    public ItemOperations(Database database) {
        this.database = database;
        this.writes = new ItemWrites(database);
    }

    public ObjectNode putItem(JsonNode request) {
        String returnValues = returnValues(request, "PutItem");
        return database.write(() -> {
            WritePlan plan = writes.put(request);
            commitOrFail(plan);
            return attributes("ALL_OLD".equals(returnValues) ? plan.before() : null);
        });
    }

    public ObjectNode deleteItem(JsonNode request) {
        String returnValues = returnValues(request, "DeleteItem");
        return database.write(() -> {
            WritePlan plan = writes.delete(request);
            commitOrFail(plan);
            return attributes("ALL_OLD".equals(returnValues) ? plan.before() : null);
        });
    }

    public ObjectNode updateItem(JsonNode request) {
        String returnValues = returnValues(request, "UpdateItem");
        return database.write(() -> {
            WritePlan plan = writes.update(request);
            commitOrFail(plan);
            Map<String, AttributeValue> returned = switch (returnValues) {
                case "ALL_OLD" -> plan.before();
                case "ALL_NEW" -> plan.after();
                case "UPDATED_OLD" -> plan.before() == null ? null : Documents.project(plan.before(), updated(plan));
                case "UPDATED_NEW" -> Documents.project(plan.after(), updated(plan));
                default -> null;
            };
            return attributes(returned);
        });
    }

    public ObjectNode getItem(JsonNode request) {
        RequestFields.refuseLegacy(request);
        ExpressionAttributes attributes = RequestFields.expressionAttributes(request);
        String projection = RequestFields.optionalText(request, "ProjectionExpression");
        List<Path> paths = projection == null ? null : ExpressionParser.projection(projection, attributes);
        RequestFields.refuseAttributesWithoutExpressions(request, projection != null, "ProjectionExpression is null");
        attributes.requireAllUsed();
        RequestFields.flag(request, "ConsistentRead");
        return database.read(() -> {
            Table table = database.table(RequestFields.tableName(request));
            StoredKey key = KeyRules.key(table, RequestFields.key(request));
            Map<String, AttributeValue> item = table.live(key, database.now());
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            if (item != null) {
                response.set("Item", AttributeValueJson.writeItem(paths == null ? item : Documents.project(item, paths)));
            }
            return response;
        });
    }

    /**
     * The paths UPDATED_OLD/UPDATED_NEW return: each updated path up to its first list index (the whole list is
     * returned, as the recorded DynamoDB Local does), without duplicates.
     */
    private static List<Path> updated(WritePlan plan) {
        java.util.LinkedHashSet<Path> paths = new java.util.LinkedHashSet<>();
        for (Path path : plan.updatedPaths()) {
            List<Object> elements = new java.util.ArrayList<>();
            for (Object element : path.elements()) {
                if (element instanceof Integer) {
                    break;
                }
                elements.add(element);
            }
            paths.add(new Path(elements));
        }
        List<Path> result = new java.util.ArrayList<>();
        for (Path path : paths) {
            if (result.stream().noneMatch(kept -> kept.overlaps(path))) {
                result.add(path);
            }
        }
        return result;
    }

    private void commitOrFail(WritePlan plan) {
        if (!plan.conditionPassed()) {
            throw DynamoDbException.conditionalCheckFailed("ALL_OLD".equals(plan.returnValuesOnConditionCheckFailure())
                    && plan.before() != null ? AttributeValueJson.writeItem(plan.before()) : null);
        }
        writes.apply(plan);
    }

    private static String returnValues(JsonNode request, String operation) {
        String value = RequestFields.enumValue(request, "ReturnValues", RETURN_VALUES, "Return values set to invalid value");
        if (value == null) {
            return "NONE";
        }
        if (!operation.equals("UpdateItem") && !value.equals("NONE") && !value.equals("ALL_OLD")) {
            throw DynamoDbException.validation("Return values set to invalid value");
        }
        return value;
    }

    private static ObjectNode attributes(Map<String, AttributeValue> item) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        if (item != null && !item.isEmpty()) {
            response.set("Attributes", AttributeValueJson.writeItem(item));
        }
        return response;
    }
}

package com.alphacast.localcloud.dynamodb.operation;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.expression.Condition;
import com.alphacast.localcloud.dynamodb.expression.ConditionEvaluator;
import com.alphacast.localcloud.dynamodb.expression.ExpressionAttributes;
import com.alphacast.localcloud.dynamodb.expression.ExpressionParser;
import com.alphacast.localcloud.dynamodb.expression.Path;
import com.alphacast.localcloud.dynamodb.expression.UpdateAction;
import com.alphacast.localcloud.dynamodb.expression.UpdateApplier;
import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import com.alphacast.localcloud.dynamodb.storage.Database;
import com.alphacast.localcloud.dynamodb.storage.StoredKey;
import com.alphacast.localcloud.dynamodb.storage.Table;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates Put, Update, Delete and ConditionCheck requests and works out their effect without applying it, so that
 * single-item operations and transactions share one implementation of the rules.
 */
final class ItemWrites {

    private static final List<String> ON_FAILURE = List.of("ALL_OLD", "NONE");

    private final Database database;

    ItemWrites(Database database) {
        this.database = database;
    }

    WritePlan put(JsonNode request) {
        RequestFields.refuseLegacy(request);
        Table table = database.table(RequestFields.tableName(request));
        Map<String, AttributeValue> item = RequestFields.item(request, "Item", "Item to put in PutItem cannot be null");
        ExpressionAttributes attributes = RequestFields.expressionAttributes(request);
        Condition condition = condition(request, attributes);
        RequestFields.refuseAttributesWithoutExpressions(request, condition != null, "ConditionExpression is null");
        attributes.requireAllUsed();
        StoredKey key = KeyRules.item(table, item);
        Map<String, AttributeValue> before = table.live(key, database.now());
        return new WritePlan(WritePlan.Kind.PUT, table, key, before, item, passes(condition, before), List.of(),
                onFailure(request));
    }

    WritePlan update(JsonNode request) {
        RequestFields.refuseLegacy(request);
        Table table = database.table(RequestFields.tableName(request));
        Map<String, AttributeValue> keyAttributes = RequestFields.key(request);
        ExpressionAttributes attributes = RequestFields.expressionAttributes(request);
        String updateExpression = RequestFields.optionalText(request, "UpdateExpression");
        List<UpdateAction> actions = updateExpression == null ? List.of()
                : ExpressionParser.update(updateExpression, attributes);
        Condition condition = condition(request, attributes);
        RequestFields.refuseAttributesWithoutExpressions(request, updateExpression != null || condition != null,
                "UpdateExpression and ConditionExpression are null");
        attributes.requireAllUsed();
        StoredKey key = KeyRules.key(table, keyAttributes);
        for (UpdateAction action : actions) {
            if (table.schema().key().isKeyAttribute(action.path().attribute())) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Cannot update attribute "
                        + action.path().attribute() + ". This attribute is part of the key");
            }
        }
        Map<String, AttributeValue> before = table.live(key, database.now());
        boolean passed = passes(condition, before);
        Map<String, AttributeValue> after = null;
        if (passed) {
            Map<String, AttributeValue> start = before != null ? before : new LinkedHashMap<>(keyAttributes);
            after = UpdateApplier.apply(actions, start);
            KeyRules.indexKeys(table, after);
            KeyRules.size(after);
        }
        List<Path> paths = new ArrayList<>();
        actions.forEach(action -> paths.add(action.path()));
        return new WritePlan(WritePlan.Kind.UPDATE, table, key, before, after, passed, paths, onFailure(request));
    }

    WritePlan delete(JsonNode request) {
        RequestFields.refuseLegacy(request);
        Table table = database.table(RequestFields.tableName(request));
        Map<String, AttributeValue> keyAttributes = RequestFields.key(request);
        ExpressionAttributes attributes = RequestFields.expressionAttributes(request);
        Condition condition = condition(request, attributes);
        RequestFields.refuseAttributesWithoutExpressions(request, condition != null, "ConditionExpression is null");
        attributes.requireAllUsed();
        StoredKey key = KeyRules.key(table, keyAttributes);
        Map<String, AttributeValue> before = table.live(key, database.now());
        return new WritePlan(WritePlan.Kind.DELETE, table, key, before, null, passes(condition, before), List.of(),
                onFailure(request));
    }

    WritePlan check(JsonNode request) {
        Table table = database.table(RequestFields.tableName(request));
        Map<String, AttributeValue> keyAttributes = RequestFields.key(request);
        ExpressionAttributes attributes = RequestFields.expressionAttributes(request);
        String expression = RequestFields.optionalText(request, "ConditionExpression");
        if (expression == null) {
            throw DynamoDbException.validation("1 validation error detected: Value null at "
                    + "'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        Condition condition = ExpressionParser.condition("ConditionExpression", expression, attributes);
        attributes.requireAllUsed();
        StoredKey key = KeyRules.key(table, keyAttributes);
        Map<String, AttributeValue> before = table.live(key, database.now());
        return new WritePlan(WritePlan.Kind.CHECK, table, key, before, before, passes(condition, before), List.of(),
                onFailure(request));
    }

    /** Applies a plan whose condition held. */
    void apply(WritePlan plan) {
        switch (plan.kind()) {
            case PUT, UPDATE -> database.put(plan.table(), plan.after());
            case DELETE -> database.delete(plan.table(), plan.key());
            case CHECK -> {
            }
        }
    }

    private static Condition condition(JsonNode request, ExpressionAttributes attributes) {
        String expression = RequestFields.optionalText(request, "ConditionExpression");
        return expression == null ? null : ExpressionParser.condition("ConditionExpression", expression, attributes);
    }

    private static boolean passes(Condition condition, Map<String, AttributeValue> before) {
        return condition == null || ConditionEvaluator.matches(condition, before == null ? Map.of() : before);
    }

    private static String onFailure(JsonNode request) {
        String value = RequestFields.enumValue(request, "ReturnValuesOnConditionCheckFailure", ON_FAILURE,
                "ReturnValuesOnConditionCheckFailure set to invalid value");
        return value == null ? "NONE" : value;
    }
}

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems (all-or-nothing, at most 100 items, one operation per item, TransactionCanceledException with
 * one cancellation reason per item in request order) and TransactGetItems. A ClientRequestToken replays the first
 * answer for ten minutes, as DynamoDB's idempotency window does.
 */
public final class TransactionOperations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Duration IDEMPOTENCY_WINDOW = Duration.ofMinutes(10);

    private record Answered(String request, ObjectNode response, Instant at) {
    }

    private final Database database;
    private final ItemWrites writes;
    private final Map<String, Answered> answeredTokens = new HashMap<>();

    public TransactionOperations(Database database) {
        this.database = database;
        this.writes = new ItemWrites(database);
    }

    public ObjectNode transactWriteItems(JsonNode request) {
        JsonNode items = transactItems(request);
        String token = RequestFields.optionalText(request, "ClientRequestToken");
        return database.write(() -> {
            Instant now = database.now();
            answeredTokens.values().removeIf(answered -> answered.at().plus(IDEMPOTENCY_WINDOW).isBefore(now));
            String fingerprint = items.toString();
            if (token != null && answeredTokens.containsKey(token)) {
                Answered answered = answeredTokens.get(token);
                if (!answered.request().equals(fingerprint)) {
                    throw new DynamoDbException("IdempotentParameterMismatchException", "Request parameters do not match "
                            + "the parameters of a previous request with the same ClientRequestToken", 400, null);
                }
                return answered.response().deepCopy();
            }
            List<WritePlan> plans = new ArrayList<>();
            Set<List<Object>> targets = new HashSet<>();
            for (JsonNode item : items) {
                WritePlan plan = plan(item);
                if (!targets.add(List.of(plan.table().name(), plan.key()))) {
                    throw DynamoDbException.validation("Transaction request cannot include multiple operations on one item");
                }
                plans.add(plan);
            }
            if (plans.stream().anyMatch(plan -> !plan.conditionPassed())) {
                throw cancelled(plans);
            }
            plans.forEach(writes::apply);
            ObjectNode response = JSON.objectNode();
            if (token != null) {
                answeredTokens.put(token, new Answered(fingerprint, response.deepCopy(), now));
            }
            return response;
        });
    }

    public ObjectNode transactGetItems(JsonNode request) {
        JsonNode items = transactItems(request);
        return database.read(() -> {
            record Get(Table table, StoredKey key, List<Path> projection) {
            }
            List<Get> gets = new ArrayList<>();
            Set<List<Object>> targets = new HashSet<>();
            for (JsonNode item : items) {
                JsonNode get = item.get("Get");
                if (get == null || item.size() != 1) {
                    throw DynamoDbException.validation("1 validation error detected: Value null at "
                            + "'transactItems.1.member.get' failed to satisfy constraint: Member must not be null");
                }
                ExpressionAttributes attributes = RequestFields.expressionAttributes(get);
                String expression = RequestFields.optionalText(get, "ProjectionExpression");
                List<Path> projection = expression == null ? null : ExpressionParser.projection(expression, attributes);
                RequestFields.refuseAttributesWithoutExpressions(get, expression != null, "ProjectionExpression is null");
                attributes.requireAllUsed();
                Table table = database.table(RequestFields.tableName(get));
                StoredKey key = KeyRules.key(table, RequestFields.key(get));
                if (!targets.add(List.of(table.name(), key))) {
                    throw DynamoDbException.validation("Transaction request cannot include multiple operations on one item");
                }
                gets.add(new Get(table, key, projection));
            }
            ObjectNode response = JSON.objectNode();
            ArrayNode responses = response.putArray("Responses");
            for (Get get : gets) {
                ObjectNode entry = responses.addObject();
                Map<String, AttributeValue> item = get.table().live(get.key(), database.now());
                if (item != null) {
                    entry.set("Item", AttributeValueJson.writeItem(get.projection() == null ? item
                            : Documents.project(item, get.projection())));
                }
            }
            return response;
        });
    }

    private WritePlan plan(JsonNode item) {
        if (item.size() != 1) {
            throw DynamoDbException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        String kind = item.fieldNames().next();
        JsonNode operation = item.get(kind);
        return switch (kind) {
            case "ConditionCheck" -> writes.check(operation);
            case "Put" -> writes.put(operation);
            case "Update" -> writes.update(operation);
            case "Delete" -> writes.delete(operation);
            default -> throw DynamoDbException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        };
    }

    private static DynamoDbException cancelled(List<WritePlan> plans) {
        ArrayNode reasons = JSON.arrayNode();
        List<String> codes = new ArrayList<>();
        for (WritePlan plan : plans) {
            ObjectNode reason = reasons.addObject();
            if (plan.conditionPassed()) {
                reason.put("Code", "None");
                codes.add("None");
            } else {
                if ("ALL_OLD".equals(plan.returnValuesOnConditionCheckFailure()) && plan.before() != null) {
                    reason.set("Item", AttributeValueJson.writeItem(plan.before()));
                }
                reason.put("Code", "ConditionalCheckFailed");
                // Worded as the recorded DynamoDB Local words it: a failed ConditionCheck ends with a full stop.
                reason.put("Message", plan.kind() == WritePlan.Kind.CHECK ? "The conditional request failed."
                        : "The conditional request failed");
                codes.add("ConditionalCheckFailed");
            }
        }
        ObjectNode extra = JSON.objectNode();
        extra.set("CancellationReasons", reasons);
        return new DynamoDbException("TransactionCanceledException", "Transaction cancelled, please refer cancellation "
                + "reasons for specific reasons " + codes, 400, extra);
    }

    private static JsonNode transactItems(JsonNode request) {
        JsonNode items = request.get("TransactItems");
        if (items == null || items.isNull()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'transactItems' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        if (!items.isArray()) {
            throw DynamoDbException.serialization("Unexpected value type in payload for TransactItems");
        }
        if (items.isEmpty()) {
            throw DynamoDbException.validation("Value [] at 'transactItems' failed to satisfy constraint: Member must "
                    + "have length greater than or equal to 1");
        }
        if (items.size() > 100) {
            throw DynamoDbException.validation("Member must have length less than or equal to 100");
        }
        return items;
    }
}

package com.alphacast.aws.trading;

import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Orders, fills and positions. An execution is recorded in one transaction whose first write is conditional
 * on no order existing for the signal: a redelivered approval can never create a second order or position.
 */
public final class DynamoTradingLedger {

    private final DynamoDbClient db;
    private final String ordersTable;
    private final String positionsTable;

    public DynamoTradingLedger(DynamoDbClient db, String ordersTable, String positionsTable) {
        this.db = db;
        this.ordersTable = ordersTable;
        this.positionsTable = positionsTable;
    }

    public Optional<Order> order(String orderId) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(ordersTable)
                .key(Map.of("orderId", s(orderId))).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Order(orderId, AttributeValues.string(item, "instrument"),
                Direction.valueOf(AttributeValues.string(item, "side")),
                (int) AttributeValues.longValue(item, "quantity", 0),
                Instant.parse(AttributeValues.string(item, "submittedAt")), AttributeValues.string(item, "broker")));
    }

    /**
     * Records the order with its fill and the position it opened.
     *
     * @return false when an order for this signal was already on record (nothing written)
     */
    public boolean recordExecution(Order order, Fill fill, Position position) {
        Map<String, AttributeValue> orderItem = new HashMap<>();
        orderItem.put("orderId", s(order.orderId()));
        orderItem.put("instrument", s(order.instrument()));
        orderItem.put("side", s(order.side().name()));
        orderItem.put("quantity", n(order.quantity()));
        orderItem.put("submittedAt", s(order.submittedAt().toString()));
        orderItem.put("broker", s(order.broker()));
        orderItem.put("status", s("FILLED"));
        orderItem.put("fillPrice", n(fill.price()));
        orderItem.put("fillQuantity", n(fill.quantity()));
        orderItem.put("fillTime", s(fill.time().toString()));
        try {
            db.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(ordersTable).item(orderItem)
                            .conditionExpression("attribute_not_exists(orderId)").build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(positionsTable).item(positionItem(position))
                            .conditionExpression("attribute_not_exists(positionId)").build()).build())
                    .build());
            return true;
        } catch (TransactionCanceledException cancelled) {
            for (CancellationReason reason : cancelled.cancellationReasons()) {
                if ("ConditionalCheckFailed".equals(reason.code())) {
                    return false;
                }
            }
            throw cancelled;
        }
    }

    /** Every order with its fill, in fill-time order (a full scan: for reports, not hot paths). */
    public List<Execution> executions() {
        List<Execution> executions = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = db.scan(software.amazon.awssdk.services.dynamodb.model.ScanRequest.builder()
                    .tableName(ordersTable).consistentRead(true).exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                Order order = new Order(AttributeValues.string(item, "orderId"), AttributeValues.string(item, "instrument"),
                        Direction.valueOf(AttributeValues.string(item, "side")),
                        (int) AttributeValues.longValue(item, "quantity", 0),
                        Instant.parse(AttributeValues.string(item, "submittedAt")), AttributeValues.string(item, "broker"));
                Fill fill = new Fill(order.orderId(), order.signalId(), order.instrument(), order.side(),
                        (int) AttributeValues.longValue(item, "fillQuantity", 0), AttributeValues.doubleValue(item, "fillPrice"),
                        Instant.parse(AttributeValues.string(item, "fillTime")));
                executions.add(new Execution(order, fill));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        executions.sort(java.util.Comparator.comparing((Execution e) -> e.fill().time()).thenComparing(e -> e.order().orderId()));
        return executions;
    }

    /** An order and its fill as recorded. */
    public record Execution(Order order, Fill fill) {
    }

    public List<Position> openPositions() {
        List<Position> positions = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = db.query(QueryRequest.builder().tableName(positionsTable).indexName("ByStatus")
                    .keyConditionExpression("#st = :open")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":open", s("OPEN")))
                    .exclusiveStartKey(start).build());
            page.items().forEach(item -> positions.add(toPosition(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return positions;
    }

    private static Map<String, AttributeValue> positionItem(Position position) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("positionId", s(position.signalId()));
        item.put("instrument", s(position.instrument()));
        item.put("direction", s(position.direction().name()));
        item.put("quantity", n(position.quantity()));
        item.put("entryPrice", n(position.entryPrice()));
        item.put("stop", n(position.stop()));
        item.put("target", n(position.target()));
        item.put("openedAt", s(position.openedAt().toString()));
        item.put("status", s("OPEN"));
        return item;
    }

    private static Position toPosition(Map<String, AttributeValue> item) {
        return new Position(AttributeValues.string(item, "positionId"), AttributeValues.string(item, "instrument"),
                Direction.valueOf(AttributeValues.string(item, "direction")),
                (int) AttributeValues.longValue(item, "quantity", 0), AttributeValues.doubleValue(item, "entryPrice"),
                AttributeValues.doubleValue(item, "stop"), AttributeValues.doubleValue(item, "target"),
                Instant.parse(AttributeValues.string(item, "openedAt")));
    }
}

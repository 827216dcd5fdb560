package com.alphacast.aws.trading;

import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.trading.TradingLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Orders, fills and positions. An execution is recorded in one transaction whose first write is conditional
 * on no order existing for the signal: a redelivered approval can never create a second order or position.
 * A position closes once: the close is conditional on it still being open. An order the broker refused (or that
 * was given up) is the order item alone with {@code status} REJECTED and its reason, under the same condition.
 */
public final class DynamoTradingLedger implements TradingLedger {

    private static final String REJECTED = "REJECTED";

    private final DynamoDbClient db;
    private final String ordersTable;
    private final String positionsTable;

    public DynamoTradingLedger(DynamoDbClient db, String ordersTable, String positionsTable) {
        this.db = db;
        this.ordersTable = ordersTable;
        this.positionsTable = positionsTable;
    }

    /** An order and its fill as recorded. */
    public record Execution(Order order, Fill fill) {
    }

    /** A closed position with how it closed and what it made. */
    public record ClosedPosition(Position position, PositionExit exit, double realizedPnl) {
    }

    @Override
    public Optional<Order> order(String orderId) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(ordersTable)
                .key(Map.of("orderId", s(orderId))).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toOrder(item));
    }

    @Override
    public Optional<Fill> fill(String orderId) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(ordersTable)
                .key(Map.of("orderId", s(orderId))).consistentRead(true).build()).item();
        return item == null || item.isEmpty() || !filled(item) ? Optional.empty() : Optional.of(toFill(item));
    }

    /**
     * The order item alone, {@code status} REJECTED with the broker's reason: put only if no order exists for the
     * signal, so neither a second rejection nor a late fill can follow it.
     */
    @Override
    public boolean recordRejection(Order order, String reason) {
        Map<String, AttributeValue> item = orderItem(order);
        item.put("status", s(REJECTED));
        item.put("rejection", s(reason));
        try {
            db.putItem(PutItemRequest.builder().tableName(ordersTable).item(item)
                    .conditionExpression("attribute_not_exists(orderId)").build());
            return true;
        } catch (ConditionalCheckFailedException alreadyOnRecord) {
            return false;
        }
    }

    /** Orders the broker refused or that were given up, with the reason each was recorded with. */
    public Map<String, String> rejections() {
        Map<String, String> rejected = new TreeMap<>();
        for (Map<String, AttributeValue> item : db.scanPaginator(ScanRequest.builder().tableName(ordersTable)
                .consistentRead(true).build()).items()) {
            if (!filled(item)) {
                rejected.put(AttributeValues.string(item, "orderId"), AttributeValues.string(item, "rejection"));
            }
        }
        return rejected;
    }

    private static boolean filled(Map<String, AttributeValue> item) {
        // Orders recorded before rejections existed have no other status than FILLED.
        return !REJECTED.equals(AttributeValues.optionalString(item, "status").orElse("FILLED"));
    }

    private static Map<String, AttributeValue> orderItem(Order order) {
        Map<String, AttributeValue> orderItem = new HashMap<>();
        orderItem.put("orderId", s(order.orderId()));
        orderItem.put("instrument", s(order.instrument()));
        orderItem.put("side", s(order.side().name()));
        orderItem.put("quantity", n(order.quantity()));
        orderItem.put("submittedAt", s(order.submittedAt().toString()));
        orderItem.put("broker", s(order.broker()));
        return orderItem;
    }

    @Override
    public boolean recordExecution(Order order, Fill fill, Position position) {
        Map<String, AttributeValue> orderItem = orderItem(order);
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

    @Override
    public boolean close(Position position, PositionExit exit, double realizedPnl) {
        try {
            db.updateItem(UpdateItemRequest.builder().tableName(positionsTable)
                    .key(Map.of("positionId", s(position.signalId())))
                    .updateExpression("SET #st = :closed, exitReason = :reason, exitPrice = :price, exitTime = :time, "
                            + "realizedPnl = :pnl")
                    .conditionExpression("#st = :open")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":closed", s("CLOSED"), ":open", s("OPEN"),
                            ":reason", s(exit.reason().name()), ":price", n(exit.price()),
                            ":time", s(exit.time().toString()), ":pnl", n(realizedPnl)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException notOpen) {
            return false;
        }
    }

    /** Every filled order with its fill, in fill-time order (a full scan: for reports, not hot paths). */
    public List<Execution> executions() {
        List<Execution> executions = new ArrayList<>();
        for (Map<String, AttributeValue> item : db.scanPaginator(ScanRequest.builder().tableName(ordersTable)
                .consistentRead(true).build()).items()) {
            if (filled(item)) {
                executions.add(new Execution(toOrder(item), toFill(item)));
            }
        }
        executions.sort(Comparator.comparing((Execution e) -> e.fill().time()).thenComparing(e -> e.order().orderId()));
        return executions;
    }

    private Fill toFill(Map<String, AttributeValue> item) {
        Order order = toOrder(item);
        return new Fill(order.orderId(), order.signalId(), order.instrument(), order.side(),
                (int) AttributeValues.longValue(item, "fillQuantity", 0), AttributeValues.doubleValue(item, "fillPrice"),
                Instant.parse(AttributeValues.string(item, "fillTime")));
    }

    @Override
    public List<Position> openPositions() {
        List<Position> positions = new ArrayList<>();
        byStatus("OPEN").forEach(item -> positions.add(toPosition(item)));
        return positions;
    }

    public List<ClosedPosition> closedPositions() {
        List<ClosedPosition> closed = new ArrayList<>();
        for (Map<String, AttributeValue> item : byStatus("CLOSED")) {
            Position position = toPosition(item);
            PositionExit exit = new PositionExit(position.signalId(),
                    ExitReason.valueOf(AttributeValues.string(item, "exitReason")),
                    AttributeValues.doubleValue(item, "exitPrice"), Instant.parse(AttributeValues.string(item, "exitTime")));
            closed.add(new ClosedPosition(position, exit, AttributeValues.doubleValue(item, "realizedPnl")));
        }
        return closed;
    }

    private Iterable<Map<String, AttributeValue>> byStatus(String status) {
        return db.queryPaginator(QueryRequest.builder().tableName(positionsTable).indexName("ByStatus")
                .keyConditionExpression("#st = :status")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":status", s(status)))
                .build()).items();
    }

    private static Order toOrder(Map<String, AttributeValue> item) {
        return new Order(AttributeValues.string(item, "orderId"), AttributeValues.string(item, "instrument"),
                Direction.valueOf(AttributeValues.string(item, "side")),
                (int) AttributeValues.longValue(item, "quantity", 0),
                Instant.parse(AttributeValues.string(item, "submittedAt")), AttributeValues.string(item, "broker"));
    }

    private static Map<String, AttributeValue> positionItem(Position position) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("positionId", s(position.signalId()));
        item.put("underlying", s(position.underlying()));
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

    static Position toPosition(Map<String, AttributeValue> item) {
        return new Position(AttributeValues.string(item, "positionId"), AttributeValues.string(item, "underlying"),
                AttributeValues.string(item, "instrument"), Direction.valueOf(AttributeValues.string(item, "direction")),
                (int) AttributeValues.longValue(item, "quantity", 0), AttributeValues.doubleValue(item, "entryPrice"),
                AttributeValues.doubleValue(item, "stop"), AttributeValues.doubleValue(item, "target"),
                Instant.parse(AttributeValues.string(item, "openedAt")));
    }
}

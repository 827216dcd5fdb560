package com.alphacast.aws.market;

import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.core.broker.MarketPrices;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.BarHistory;
import com.alphacast.core.market.MarketSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Market snapshots by symbol and bar start: the worker writes one per closed bar, the paper broker reads the
 * market as it stood when a signal fired. Items expire through DynamoDB TTL after the retention period.
 */
public final class DynamoMarketSnapshots implements MarketPrices, BarHistory {

    private final DynamoDbClient db;
    private final String table;
    private final Duration retention;

    public DynamoMarketSnapshots(DynamoDbClient db, String table, Duration retention) {
        this.db = db;
        this.table = table;
        this.retention = retention;
    }

    public void put(MarketSnapshot snapshot) {
        Bar bar = snapshot.bar();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("symbol", s(bar.symbol()));
        item.put("barStart", n(bar.startMillis()));
        item.put("barEnd", n(bar.endMillis()));
        item.put("open", n(bar.open()));
        item.put("high", n(bar.high()));
        item.put("low", n(bar.low()));
        item.put("close", n(bar.close()));
        item.put("volume", n(bar.volume()));
        item.put("trades", n(bar.trades()));
        item.put("observedAt", s(snapshot.observedAt().toString()));
        // TTL counts from when the snapshot was written, not from the (possibly historical) bar time.
        item.put("expiresAt", n(snapshot.observedAt().plus(retention).getEpochSecond()));
        db.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    /** The last snapshot whose bar ended at or before {@code time}. */
    @Override
    public Optional<MarketSnapshot> atOrBefore(String symbol, Instant time) {
        // Bars are keyed by start; a bar ending at or before `time` started at least one bar earlier, so read
        // backwards from `time` and skip a bar that is still open at `time`.
        QueryResponse response = db.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("symbol = :s AND barStart < :t")
                .expressionAttributeValues(Map.of(":s", s(symbol), ":t", n(time.toEpochMilli())))
                .scanIndexForward(false).limit(2).consistentRead(true).build());
        return response.items().stream().map(DynamoMarketSnapshots::toSnapshot)
                .filter(snapshot -> snapshot.bar().endMillis() <= time.toEpochMilli())
                .findFirst();
    }

    @Override
    public List<Bar> barsBetween(String symbol, Instant from, Instant to) {
        List<Bar> bars = new ArrayList<>();
        for (Map<String, AttributeValue> item : db.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("symbol = :s AND barStart BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":s", s(symbol), ":from", n(from.toEpochMilli()),
                        ":to", n(to.toEpochMilli())))
                .consistentRead(true).build()).items()) {
            Bar bar = toSnapshot(item).bar();
            if (bar.endMillis() <= to.toEpochMilli()) {
                bars.add(bar);
            }
        }
        return bars;
    }

    /** The newest snapshot for the symbol. */
    @Override
    public Optional<MarketSnapshot> latest(String symbol) {
        QueryResponse response = db.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("symbol = :s")
                .expressionAttributeValues(Map.of(":s", s(symbol)))
                .scanIndexForward(false).limit(1).consistentRead(true).build());
        return response.items().stream().map(DynamoMarketSnapshots::toSnapshot).findFirst();
    }

    private static MarketSnapshot toSnapshot(Map<String, AttributeValue> item) {
        Bar bar = new Bar(AttributeValues.string(item, "symbol"),
                AttributeValues.longValue(item, "barStart", 0), AttributeValues.longValue(item, "barEnd", 0),
                AttributeValues.doubleValue(item, "open"), AttributeValues.doubleValue(item, "high"),
                AttributeValues.doubleValue(item, "low"), AttributeValues.doubleValue(item, "close"),
                AttributeValues.longValue(item, "volume", 0), (int) AttributeValues.longValue(item, "trades", 0));
        return new MarketSnapshot(bar, Instant.parse(AttributeValues.string(item, "observedAt")));
    }
}

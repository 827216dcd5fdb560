package com.alphacast.aws.market;

import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.aws.dynamodb.BatchPuts;
import com.alphacast.core.broker.MarketPrices;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.BarHistory;
import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.market.MarketAnalytics;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.volatility.VolatilityRegime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 *
 * <p>Item shape (also in aws/README.md): key {@code symbol} (S), {@code barStart} (N, epoch ms); the bar
 * {@code barEnd open high low close volume trades}; {@code observedAt} (S, ISO instant), {@code expiresAt} (N, TTL
 * seconds); the analytics {@code health} (S, FeedHealth), {@code regime} (S, VolatilityRegime),
 * {@code unusualVolume} (BOOL), {@code sweeps rejectedPrints} (N) and, each left out when not known yet (DynamoDB has
 * no NaN), {@code vpin obi microprice spread realizedVol volumeZ volumeRatio} (N); for an underlying with a chain
 * {@code chainAsOf} (S, ISO date), {@code chainSpot gex dex zeroGamma callWall putWall unusualOptions} (N; zeroGamma and
 * the walls left out when there are none). Items written before the analytics existed read as
 * {@link MarketAnalytics#NONE}.
 */
public final class DynamoMarketSnapshots implements MarketPrices, BarHistory {

    /** BatchWriteItem's limit. */
    public static final int MAX_BATCH = BatchPuts.MAX_BATCH;

    private final DynamoDbClient db;
    private final String table;
    private final BatchPuts puts;
    private final Duration retention;

    public DynamoMarketSnapshots(DynamoDbClient db, String table, Duration retention) {
        this.db = db;
        this.table = table;
        this.puts = new BatchPuts(db, table, "snapshots");
        this.retention = retention;
    }

    public void put(MarketSnapshot snapshot) {
        db.putItem(PutItemRequest.builder().tableName(table).item(item(snapshot)).build());
    }

    /**
     * Writes snapshots with BatchWriteItem, 25 per request, resending what DynamoDB leaves unprocessed (throttling)
     * with a growing pause. Two snapshots of the same symbol and bar in one request would be refused, so the
     * later one wins before sending.
     *
     * @throws IllegalStateException when items are still unprocessed after the retries, naming how many
     */
    public void putAll(List<MarketSnapshot> snapshots) {
        Map<String, Map<String, AttributeValue>> unique = new java.util.LinkedHashMap<>();
        for (MarketSnapshot snapshot : snapshots) {
            unique.put(snapshot.symbol() + "\u0000" + snapshot.bar().startMillis(), item(snapshot));
        }
        puts.putAll(List.copyOf(unique.values()));
    }


    /** The item a snapshot is stored as (the shape in the class comment). */
    Map<String, AttributeValue> item(MarketSnapshot snapshot) {
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
        MarketAnalytics a = snapshot.analytics();
        item.put("health", s(a.health().name()));
        item.put("regime", s(a.regime().name()));
        item.put("unusualVolume", AttributeValues.bool(a.unusualVolume()));
        item.put("sweeps", n(a.sweeps()));
        item.put("rejectedPrints", n(a.rejectedPrints()));
        putIfKnown(item, "vpin", a.vpin());
        putIfKnown(item, "obi", a.orderBookImbalance());
        putIfKnown(item, "microprice", a.microprice());
        putIfKnown(item, "spread", a.spread());
        putIfKnown(item, "realizedVol", a.realizedVolatility());
        putIfKnown(item, "volumeZ", a.volumeZScore());
        putIfKnown(item, "volumeRatio", a.volumeRatio());
        a.chain().ifPresent(chain -> {
            item.put("chainAsOf", s(chain.asOf().toString()));
            item.put("chainSpot", n(chain.spot()));
            putIfKnown(item, "gex", chain.netGex());
            putIfKnown(item, "dex", chain.netDex());
            putIfKnown(item, "zeroGamma", chain.zeroGamma());
            putIfKnown(item, "callWall", chain.callWall());
            putIfKnown(item, "putWall", chain.putWall());
            item.put("unusualOptions", n(chain.unusualContracts()));
        });
        return item;
    }

    private static void putIfKnown(Map<String, AttributeValue> item, String name, double value) {
        if (Double.isFinite(value)) {
            item.put(name, n(value));
        }
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
        return new MarketSnapshot(bar, Instant.parse(AttributeValues.string(item, "observedAt")), analytics(item));
    }

    private static MarketAnalytics analytics(Map<String, AttributeValue> item) {
        if (!item.containsKey("health")) {
            return MarketAnalytics.NONE;
        }
        Optional<ChainSummary> chain = AttributeValues.optionalString(item, "chainAsOf").map(asOf -> new ChainSummary(
                LocalDate.parse(asOf), known(item, "chainSpot"), known(item, "gex"), known(item, "dex"),
                known(item, "zeroGamma"), known(item, "callWall"), known(item, "putWall"),
                (int) AttributeValues.longValue(item, "unusualOptions", 0)));
        return new MarketAnalytics(FeedHealth.valueOf(AttributeValues.string(item, "health")), known(item, "vpin"),
                known(item, "obi"), known(item, "microprice"), known(item, "spread"), known(item, "realizedVol"),
                VolatilityRegime.valueOf(AttributeValues.string(item, "regime")), known(item, "volumeZ"),
                known(item, "volumeRatio"), AttributeValues.boolValue(item, "unusualVolume"),
                AttributeValues.longValue(item, "sweeps", 0), AttributeValues.longValue(item, "rejectedPrints", 0),
                chain);
    }

    /** A number attribute, NaN when left out (not known when written). */
    private static double known(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Double.NaN : Double.parseDouble(value.n());
    }
}

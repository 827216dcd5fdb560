package com.alphacast.aws.market;

import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.aws.dynamodb.BatchPuts;
import com.alphacast.core.broker.options.OptionChainHistory;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Option chain snapshots in MarketSnapshotsTable, beside the bars: the worker writes each chain it is handed (when it
 * changed), the order function fills an option leg on the chain at or before the signal
 * ({@link #chainAtOrBefore}, one Query), the position function judges option positions on the chains in effect
 * since the fill ({@link #chainsInEffect}).
 *
 * <p>Item shape (also in aws/README.md). Head: {@code symbol} = {@code chain#<underlying>} (the instrument the
 * worker holds the chain for, which the signals name), {@code barStart} = the time the chain was taken (epoch ms);
 * {@code chainUnderlying asOf asOfTime} (S), {@code spot contractCount parts} (N), {@code observedAt} (S),
 * {@code expiresAt} (N, TTL as snapshots) and {@code contracts} (B). Only what fills and exits read is kept per
 * contract, one line each, {@code <OCC symbol>,<last>,<bid>,<ask>,<volume>,<open interest>} (greeks and IV are
 * left out: read back as NaN), gzip-compressed: the recorded SPY chain's 3,716 contracts are 148,780 bytes as text
 * and 39,969 compressed, a tenth of DynamoDB's 400 KB item limit. A chain whose compressed text is still over
 * {@code maxPartBytes} is split: the head holds the first part and {@code parts} says how many; part {@code i}
 * (1..parts-1) is the item {@code chain#<underlying>#<barStart>} / {@code barStart = i}. A marker
 * {@code chain-times#<underlying>} / {@code barStart} (no body) lists the times cheaply, since DynamoDB charges a
 * Query for the whole items it reads. Parts are written before heads and heads before markers, so a reader never
 * finds a marker without its head nor a head without its parts.
 *
 * <p>Decoded chains are kept in a small per-instance cache (a stored chain never changes), so the position function
 * reads each chain's body once per container, not once per bar.
 */
public final class DynamoOptionChains implements OptionChainHistory {

    /** Room under DynamoDB's 400 KB item limit for the head's other attributes. */
    public static final int DEFAULT_MAX_PART_BYTES = 350_000;
    private static final int CACHED_CHAINS = 8;

    /**
     * One chain to store.
     *
     * @param underlying the instrument the worker holds the chain for (the signals' underlying, e.g. ES following
     *                   SPY's chain)
     * @param chain      the chain; its as-of time is when it was taken, the item's key
     * @param observedAt when the worker wrote it (the TTL counts from here)
     */
    public record ChainWrite(String underlying, OptionChain chain, Instant observedAt) {

        public ChainWrite {
            if (underlying == null || underlying.isBlank()) {
                throw new IllegalArgumentException("a stored chain needs the underlying it is held for");
            }
            if (chain.asOfTime() == null) {
                throw new IllegalArgumentException("the " + underlying + " chain as of " + chain.asOf()
                        + " has no as-of time to be keyed by");
            }
        }

        long takenAtMillis() {
            return chain.asOfTime().toInstant().toEpochMilli();
        }
    }

    private final DynamoDbClient db;
    private final String table;
    private final BatchPuts puts;
    private final Duration retention;
    private final int maxPartBytes;
    private final Map<String, OptionChain> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, OptionChain> eldest) {
            return size() > CACHED_CHAINS;
        }
    };

    public DynamoOptionChains(DynamoDbClient db, String table, Duration retention) {
        this(db, table, retention, DEFAULT_MAX_PART_BYTES);
    }

    /** @param maxPartBytes most compressed bytes one item carries (a smaller value splits chains into more parts) */
    public DynamoOptionChains(DynamoDbClient db, String table, Duration retention, int maxPartBytes) {
        if (maxPartBytes < 1) {
            throw new IllegalArgumentException("maxPartBytes must be positive, was " + maxPartBytes);
        }
        this.db = db;
        this.table = table;
        this.puts = new BatchPuts(db, table, "option chain items");
        this.retention = retention;
        this.maxPartBytes = maxPartBytes;
    }

    static String headKey(String underlying) {
        return "chain#" + underlying;
    }

    static String timesKey(String underlying) {
        return "chain-times#" + underlying;
    }

    static String partsKey(String underlying, long takenAtMillis) {
        return "chain#" + underlying + "#" + takenAtMillis;
    }

    /**
     * Writes chains with BatchWriteItem (parts, then heads, then markers), resending what DynamoDB leaves unprocessed.
     *
     * @throws IllegalStateException when items are still unprocessed after the retries
     */
    public void putAll(List<ChainWrite> chains) {
        List<Map<String, AttributeValue>> parts = new ArrayList<>();
        Map<String, Map<String, AttributeValue>> heads = new LinkedHashMap<>();
        Map<String, Map<String, AttributeValue>> markers = new LinkedHashMap<>();
        for (ChainWrite write : chains) {
            String key = write.underlying() + "\u0000" + write.takenAtMillis();
            List<byte[]> split = split(encode(write.chain().contracts()));
            long expiresAt = write.observedAt().plus(retention).getEpochSecond();
            for (int i = 1; i < split.size(); i++) {
                Map<String, AttributeValue> part = new HashMap<>();
                part.put("symbol", s(partsKey(write.underlying(), write.takenAtMillis())));
                part.put("barStart", n(i));
                part.put("contracts", AttributeValue.fromB(SdkBytes.fromByteArray(split.get(i))));
                part.put("expiresAt", n(expiresAt));
                parts.add(part);
            }
            heads.put(key, head(write, split.get(0), split.size(), expiresAt));
            markers.put(key, Map.of("symbol", s(timesKey(write.underlying())), "barStart", n(write.takenAtMillis()),
                    "expiresAt", n(expiresAt)));
        }
        write(parts);
        write(new ArrayList<>(heads.values()));
        write(new ArrayList<>(markers.values()));
    }

    private Map<String, AttributeValue> head(ChainWrite write, byte[] firstPart, int parts, long expiresAt) {
        OptionChain chain = write.chain();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("symbol", s(headKey(write.underlying())));
        item.put("barStart", n(write.takenAtMillis()));
        item.put("chainUnderlying", s(chain.underlying()));
        item.put("asOf", s(chain.asOf().toString()));
        item.put("asOfTime", s(chain.asOfTime().format(DateTimeFormatter.ISO_ZONED_DATE_TIME)));
        item.put("spot", n(chain.spot()));
        item.put("contractCount", n(chain.contracts().size()));
        item.put("parts", n(parts));
        item.put("contracts", AttributeValue.fromB(SdkBytes.fromByteArray(firstPart)));
        item.put("observedAt", s(write.observedAt().toString()));
        item.put("expiresAt", n(expiresAt));
        return item;
    }

    private List<byte[]> split(byte[] compressed) {
        List<byte[]> parts = new ArrayList<>();
        for (int from = 0; from < compressed.length || parts.isEmpty(); from += maxPartBytes) {
            parts.add(Arrays.copyOfRange(compressed, from, Math.min(compressed.length, from + maxPartBytes)));
        }
        return parts;
    }

    /** The gzip-compressed contract lines (the class comment's format). */
    static byte[] encode(List<OptionContract> contracts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            StringBuilder line = new StringBuilder(64);
            for (OptionContract c : contracts) {
                line.setLength(0);
                line.append(c.symbol().compact()).append(',').append(number(c.last())).append(',')
                        .append(number(c.bid())).append(',').append(number(c.ask())).append(',').append(c.volume())
                        .append(',').append(c.openInterest()).append('\n');
                gzip.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("compressing an option chain in memory", e);
        }
        return bytes.toByteArray();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : "";
    }

    private void write(List<Map<String, AttributeValue>> items) {
        puts.putAll(items);
    }


    @Override
    public Optional<OptionChain> chainAtOrBefore(String underlying, Instant time) {
        return db.query(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("symbol = :s AND barStart <= :t")
                        .expressionAttributeValues(Map.of(":s", s(headKey(underlying)), ":t", n(time.toEpochMilli())))
                        .scanIndexForward(false).limit(1).consistentRead(true).build())
                .items().stream().findFirst().map(head -> decoded(underlying, head));
    }

    @Override
    public List<OptionChain> chainsInEffect(String underlying, Instant from, Instant to) {
        List<Long> times = new ArrayList<>();
        db.query(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("symbol = :s AND barStart <= :t")
                        .expressionAttributeValues(Map.of(":s", s(timesKey(underlying)), ":t", n(from.toEpochMilli())))
                        .scanIndexForward(false).limit(1).consistentRead(true).build())
                .items().forEach(marker -> times.add(AttributeValues.longValue(marker, "barStart", 0)));
        if (to.isAfter(from)) {
            for (Map<String, AttributeValue> marker : db.queryPaginator(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("symbol = :s AND barStart BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":s", s(timesKey(underlying)),
                            ":from", n(from.toEpochMilli() + 1), ":to", n(to.toEpochMilli())))
                    .consistentRead(true).build()).items()) {
                times.add(AttributeValues.longValue(marker, "barStart", 0));
            }
        }
        List<OptionChain> chains = new ArrayList<>(times.size());
        for (long takenAt : times) {
            chainTakenAt(underlying, takenAt).ifPresent(chains::add); // a head already expired is skipped
        }
        return chains;
    }

    private Optional<OptionChain> chainTakenAt(String underlying, long takenAtMillis) {
        synchronized (cache) {
            OptionChain cached = cache.get(underlying + "#" + takenAtMillis);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Map<String, AttributeValue> head = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("symbol", s(headKey(underlying)), "barStart", n(takenAtMillis)))).item();
        return head == null || head.isEmpty() ? Optional.empty() : Optional.of(decoded(underlying, head));
    }

    private OptionChain decoded(String underlying, Map<String, AttributeValue> head) {
        long takenAt = AttributeValues.longValue(head, "barStart", 0);
        String key = underlying + "#" + takenAt;
        synchronized (cache) {
            OptionChain cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        OptionChain chain = decode(underlying, head);
        synchronized (cache) {
            cache.put(key, chain);
        }
        return chain;
    }

    private OptionChain decode(String underlying, Map<String, AttributeValue> head) {
        long takenAt = AttributeValues.longValue(head, "barStart", 0);
        int parts = (int) AttributeValues.longValue(head, "parts", 1);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        compressed.writeBytes(head.get("contracts").b().asByteArray());
        if (parts > 1) {
            List<Map<String, AttributeValue>> rest = new ArrayList<>();
            db.queryPaginator(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("symbol = :s")
                    .expressionAttributeValues(Map.of(":s", s(partsKey(underlying, takenAt))))
                    .consistentRead(true).build()).items().forEach(rest::add);
            if (rest.size() != parts - 1) {
                throw new IllegalStateException("the " + underlying + " chain taken at " + Instant.ofEpochMilli(takenAt)
                        + " has " + (rest.size() + 1) + " of its " + parts + " parts in " + table);
            }
            rest.forEach(part -> compressed.writeBytes(part.get("contracts").b().asByteArray()));
        }
        List<OptionContract> contracts = new ArrayList<>((int) AttributeValues.longValue(head, "contractCount", 16));
        String where = table + " " + headKey(underlying) + " @ " + takenAt;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed.toByteArray()))) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            int lineNumber = 0;
            for (String line : text.split("\n")) {
                lineNumber++;
                if (!line.isEmpty()) {
                    contracts.add(contract(line, where, lineNumber));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": contracts are not readable gzip", e);
        }
        return new OptionChain(AttributeValues.string(head, "chainUnderlying"),
                Double.parseDouble(head.get("spot").n()), LocalDate.parse(AttributeValues.string(head, "asOf")),
                ZonedDateTime.parse(AttributeValues.string(head, "asOfTime"), DateTimeFormatter.ISO_ZONED_DATE_TIME),
                contracts);
    }

    private static OptionContract contract(String line, String where, int lineNumber) {
        String[] f = line.split(",", -1);
        if (f.length != 6) {
            throw new IllegalStateException(where + ": contract line " + lineNumber + " has " + f.length
                    + " fields, expected 6 (symbol,last,bid,ask,volume,openInterest): '" + line + "'");
        }
        try {
            return new OptionContract(OccSymbol.parse(f[0]), number(f[1]), number(f[2]), number(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Double.NaN, Double.NaN, Double.NaN);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": contract line " + lineNumber + " '" + line + "': "
                    + e.getMessage(), e);
        }
    }

    private static double number(String text) {
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }
}

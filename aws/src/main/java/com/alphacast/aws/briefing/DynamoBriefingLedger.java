package com.alphacast.aws.briefing;

import static com.alphacast.aws.dynamodb.AttributeValues.bool;
import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.aws.dynamodb.AttributeValues;

import com.alphacast.core.briefing.BriefingText;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.ChartArchive;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.usecase.briefing.BriefingLedger;
import com.alphacast.core.usecase.briefing.BriefingRecord;
import com.alphacast.core.usecase.briefing.ModelUsage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * BriefingsTable: one item per trading day, keyed by {@code session} (ISO date). {@link #claim} is a put
 * conditional on the session having no item, so concurrent or repeated triggers write one briefing; the chart
 * PNG is stored in the item (a few tens of KB, far inside DynamoDB's 400 KB) and served to the distribution
 * function as its {@link ChartArchive}. Model, tokens, latency and cost, the fact sheet (JSON) and the model's raw
 * answers are kept with the briefing.
 */
public final class DynamoBriefingLedger implements BriefingLedger, ChartArchive {

    /** DynamoDB's item limit is 400 KB; leave room for the texts and attribute names. */
    static final int MAX_CHART_BYTES = 350 * 1024;

    private final DynamoDbClient db;
    private final String table;

    public DynamoBriefingLedger(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    @Override
    public Optional<BriefingRecord> find(LocalDate session) {
        Map<String, AttributeValue> item = db.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("session", s(session.toString())))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(record(item));
    }

    @Override
    public boolean claim(BriefingRecord record) {
        if (record.chart().isPresent() && record.chart().get().length > MAX_CHART_BYTES) {
            throw new IllegalArgumentException("the chart of the briefing of " + record.session() + " is "
                    + record.chart().get().length + " bytes; BriefingsTable holds at most " + MAX_CHART_BYTES);
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("session", s(record.session().toString()));
        item.put("publicationId", s(record.publicationId()));
        item.put("writtenAt", s(record.at().toString()));
        item.put("headline", s(record.headline()));
        Map<String, AttributeValue> texts = new HashMap<>();
        record.textByTier().forEach((tier, text) -> texts.put(tier.name(), s(text)));
        item.put("textByTier", AttributeValue.fromM(texts));
        item.put("source", s(record.source().name()));
        item.put("verdict", s(record.verdict()));
        item.put("published", bool(record.published()));
        record.chart().ifPresent(png -> item.put("chart", AttributeValue.fromB(SdkBytes.fromByteArray(png))));
        item.put("facts", s(record.factsJson()));
        item.put("answers", AttributeValue.fromL(record.answers().stream().map(AttributeValues::s).toList()));
        record.usage().ifPresent(usage -> {
            item.put("modelProvider", s(usage.provider()));
            item.put("model", s(usage.model()));
            item.put("inputTokens", n(usage.inputTokens()));
            item.put("outputTokens", n(usage.outputTokens()));
            item.put("latencyMillis", n(usage.latency().toMillis()));
            item.put("modelAttempts", n(usage.attempts()));
            item.put("costUsd", AttributeValue.fromN(usage.costUsd().toPlainString()));
        });
        try {
            db.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(#s)")
                    .expressionAttributeNames(Map.of("#s", "session")));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public void markPublished(LocalDate session) {
        db.updateItem(r -> r.tableName(table).key(Map.of("session", s(session.toString())))
                .updateExpression("SET published = :yes").conditionExpression("attribute_exists(#s)")
                .expressionAttributeNames(Map.of("#s", "session"))
                .expressionAttributeValues(Map.of(":yes", bool(true))));
    }

    @Override
    public Optional<byte[]> chart(String publicationId) {
        String prefix = Publication.MorningBriefing.idOf(LocalDate.EPOCH).replace(LocalDate.EPOCH.toString(), "");
        if (!publicationId.startsWith(prefix)) {
            return Optional.empty();
        }
        LocalDate session;
        try {
            session = LocalDate.parse(publicationId.substring(prefix.length()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = db.getItem(r -> r.tableName(table).key(Map.of("session", s(session.toString())))
                .projectionExpression("chart")).item();
        return Optional.ofNullable(item).map(found -> found.get("chart")).map(value -> value.b().asByteArray());
    }

    private static BriefingRecord record(Map<String, AttributeValue> item) {
        Map<Tier, String> texts = new EnumMap<>(Tier.class);
        item.get("textByTier").m().forEach((tier, text) -> texts.put(Tier.valueOf(tier.toUpperCase(Locale.ROOT)), text.s()));
        Optional<ModelUsage> usage = item.containsKey("model") ? Optional.of(new ModelUsage(item.get("modelProvider").s(),
                item.get("model").s(), Long.parseLong(item.get("inputTokens").n()),
                Long.parseLong(item.get("outputTokens").n()), Duration.ofMillis(Long.parseLong(item.get("latencyMillis").n())),
                Integer.parseInt(item.get("modelAttempts").n()), new BigDecimal(item.get("costUsd").n())))
                : Optional.empty();
        return new BriefingRecord(LocalDate.parse(item.get("session").s()), Instant.parse(item.get("writtenAt").s()),
                item.get("headline").s(), texts, BriefingText.Source.valueOf(item.get("source").s()),
                item.get("verdict").s(), usage,
                Optional.ofNullable(item.get("chart")).map(value -> value.b().asByteArray()),
                // items written before the facts were kept read as an empty sheet
                Optional.ofNullable(item.get("facts")).map(AttributeValue::s).orElse("{}"),
                Optional.ofNullable(item.get("answers")).map(list -> list.l().stream().map(AttributeValue::s).toList())
                        .orElse(List.of()),
                Boolean.TRUE.equals(item.get("published").bool()));
    }
}

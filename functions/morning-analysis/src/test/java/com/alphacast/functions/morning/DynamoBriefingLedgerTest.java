package com.alphacast.functions.morning;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.AwsClients;
import com.alphacast.aws.briefing.DynamoBriefingLedger;
import com.alphacast.core.briefing.BriefingText;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.usecase.briefing.BriefingRecord;
import com.alphacast.core.usecase.briefing.ModelUsage;
import com.alphacast.localcloud.dynamodb.EmbeddedDynamoDb;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** BriefingsTable on the project's embedded DynamoDB: one briefing per session, the chart served by publication id. */
class DynamoBriefingLedgerTest {

    private static final LocalDate SESSION = LocalDate.of(2026, 11, 27);

    private EmbeddedDynamoDb dynamo;
    private DynamoDbClient db;
    private DynamoBriefingLedger ledger;

    @BeforeEach
    void start() {
        dynamo = EmbeddedDynamoDb.start();
        db = new AwsClients(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString())).dynamoDb();
        db.createTable(r -> r.tableName("BriefingsTable").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("session").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("session").keyType(KeyType.HASH)));
        ledger = new DynamoBriefingLedger(db, "BriefingsTable");
    }

    @AfterEach
    void stop() {
        db.close();
        dynamo.close();
    }

    private static BriefingRecord briefing(String headline) {
        return new BriefingRecord(SESSION, Instant.parse("2026-11-27T13:00:00Z"), headline,
                Map.of(Tier.PREMIUM, "Early close: the market closes at 13:00 ET.", Tier.FREE, "Bias: range."),
                BriefingText.Source.MODEL, "accepted",
                Optional.of(new ModelUsage("openai", "gpt-4o-mini", 1200, 300, Duration.ofMillis(1830), 2,
                        new BigDecimal("0.000360"))),
                Optional.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}),
                "{\"instrument\":\"SPY\",\"facts\":[]}", List.of("{\"headline\":", "{\"headline\":\"ok\"}"), false);
    }

    @Test
    void oneBriefingPerSessionEvenWhenTriggersRace() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String headline = "Headline " + i;
            claims.add(() -> ledger.claim(briefing(headline)));
        }
        List<Boolean> won = new ArrayList<>();
        for (Future<Boolean> claim : pool.invokeAll(claims)) {
            won.add(claim.get());
        }
        pool.shutdown();

        assertThat(won).containsOnlyOnce(true);
        BriefingRecord stored = ledger.find(SESSION).orElseThrow();
        assertThat(stored.published()).isFalse();
        assertThat(stored.usage().orElseThrow().costUsd()).isEqualByComparingTo("0.000360");
        assertThat(stored.usage().orElseThrow().attempts()).isEqualTo(2);
        assertThat(stored.textByTier()).containsEntry(Tier.PREMIUM, "Early close: the market closes at 13:00 ET.");
        assertThat(stored.factsJson()).isEqualTo("{\"instrument\":\"SPY\",\"facts\":[]}");
        assertThat(stored.answers()).containsExactly("{\"headline\":", "{\"headline\":\"ok\"}");
        ledger.markPublished(SESSION);
        assertThat(ledger.find(SESSION).orElseThrow().published()).isTrue();
        assertThat(ledger.find(SESSION.plusDays(3))).isEmpty();
    }

    @Test
    void servesTheChartByPublicationIdAndNothingForOthers() {
        ledger.claim(briefing("Headline"));

        assertThat(ledger.chart("briefing:2026-11-27")).hasValueSatisfying(png -> assertThat(png).startsWith(0x89, 'P', 'N', 'G'));
        assertThat(ledger.chart("briefing:2026-11-30")).isEmpty();
        assertThat(ledger.chart("signal-42")).isEmpty();
        assertThat(ledger.chart("briefing:not-a-date")).isEmpty();
    }
}

package com.alphacast.functions.morning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.briefing.DynamoBriefingLedger;
import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.briefing.BriefingRecord;
import com.alphacast.functions.FakeContext;
import com.alphacast.functions.FunctionResources;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The handler on the tables and queues of the real {@code template.yaml} (its environment as the template declares
 * it, no model: {@code ModelProvider} defaults to none), fed the inputs its two schedules send.
 */
class MorningAnalysisHandlerTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .withoutFunctions()
            .build();

    private static Map<String, String> environment(LocalCloud cloud) {
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("MorningAnalysisFunction"));
        environment.put("ALPHACAST_CONFIG_DIR", LocalCloudExtension.projectRoot().resolve("config").toString());
        return environment;
    }

    private static MorningAnalysisHandler handler(Map<String, String> environment, String nowUtc) {
        return new MorningAnalysisHandler(new FunctionResources(environment),
                Clock.fixed(Instant.parse(nowUtc), ZoneOffset.UTC));
    }

    /** Messages on DeliveriesQueue, visible or not (nothing consumes them here: the functions are not running). */
    private static int deliveries(LocalCloud cloud) {
        Map<String, String> attributes = cloud.sqs().getQueueAttributes(b -> b.queueUrl(cloud.queueUrl("DeliveriesQueue"))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributesAsStrings();
        return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }

    @Test
    void goodFridayIsLoggedAsClosedAndPublishesNothing(LocalCloud cloud) {
        // 2026-04-03, 08:00 in New York: the pre-market schedule fires, the exchange is closed.
        int before = deliveries(cloud);
        Map<String, Object> result = handler(environment(cloud), "2026-04-03T12:00:00Z")
                .handleRequest(Map.of("kind", "pre-market"), new FakeContext("MorningAnalysisFunction"));

        assertThat(result).containsEntry("outcome", "closed").containsEntry("date", "2026-04-03");
        assertThat((String) result.get("reason")).containsIgnoringCase("good friday");
        assertThat(new DynamoBriefingLedger(cloud.dynamoDb(), cloud.tableName("BriefingsTable"))
                .find(LocalDate.of(2026, 4, 3))).isEmpty();
        assertThat(deliveries(cloud)).isEqualTo(before);
    }

    @Test
    void earlyCloseDayPublishesOneTemplateBriefingSayingTheCloseHoweverOftenItFires(LocalCloud cloud) {
        MorningAnalysisHandler handler = handler(environment(cloud), "2026-11-27T13:00:00Z");
        int before = deliveries(cloud);

        Map<String, Object> first = handler.handleRequest(Map.of("kind", "pre-market"),
                new FakeContext("MorningAnalysisFunction"));
        int released = deliveries(cloud) - before;
        Map<String, Object> retry = handler.handleRequest(Map.of("kind", "pre-market"),
                new FakeContext("MorningAnalysisFunction"));
        int afterRetry = deliveries(cloud) - before;
        Map<String, Object> catchUp = handler.handleRequest(Map.of("kind", "end-of-day"),
                new FakeContext("MorningAnalysisFunction"));

        assertThat(first).containsEntry("outcome", "published").containsEntry("date", "2026-11-27");
        assertThat((String) first.get("verdict")).startsWith("template: no language model is configured");
        assertThat(catchUp).containsEntry("outcome", "already-published")
                .containsEntry("headline", first.get("headline"));
        BriefingRecord stored = new DynamoBriefingLedger(cloud.dynamoDb(), cloud.tableName("BriefingsTable"))
                .find(LocalDate.of(2026, 11, 27)).orElseThrow();
        assertThat(stored.published()).isTrue();
        assertThat(stored.textByTier().get(Tier.PREMIUM)).contains("13:00");
        // Released to the tiers once: the retry put nothing more on the queue; the end-of-day run only its recap.
        assertThat(released).isPositive();
        assertThat(retry).containsEntry("outcome", "already-published");
        assertThat(afterRetry).isEqualTo(released);
        assertThat(catchUp).containsEntry("recap", "released");
        assertThat(deliveries(cloud) - before).isEqualTo(2 * released);
    }

    @Test
    void theSchedulesOccurrenceTimeNotTheClockPicksTheSession(LocalCloud cloud) {
        // The machine's clock reads a Monday; Scheduler fired for Good Friday 2026, 08:00 New York (a late retry).
        MorningAnalysisHandler handler = handler(environment(cloud), "2026-11-30T13:00:00Z");

        Map<String, Object> result = handler.handleRequest(Map.of("kind", "pre-market", "time", "2026-04-03T12:00:00Z"),
                new FakeContext("MorningAnalysisFunction"));

        assertThat(result).containsEntry("outcome", "closed").containsEntry("date", "2026-04-03");
        assertThatThrownBy(() -> handler.handleRequest(Map.of("kind", "pre-market", "time", "<aws.scheduler.scheduled-time>"),
                new FakeContext("MorningAnalysisFunction"))).hasMessageContaining("'time' must be an ISO-8601 instant");
    }

    @Test
    void theEndOfDayRunReleasesTheDaysRecapFromThePositionsTableOnce(LocalCloud cloud) {
        // 2027-03-05 (a Friday): a long ESH7 position opened and stopped out during the day.
        Position position = new Position("recap-test:1", "ES", "ESH7", Direction.LONG, 2, 6000, 5990, 6020,
                Instant.parse("2027-03-05T15:00:00Z"));
        DynamoTradingLedger trading = new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"),
                cloud.tableName("PositionsTable"));
        trading.recordExecution(new Order(position.signalId(), "ESH7", Direction.LONG, 2, position.openedAt(), "paper"),
                new Fill(position.signalId(), position.signalId(), "ESH7", Direction.LONG, 2, 6000, position.openedAt()),
                position);
        trading.close(position, new PositionExit(position.signalId(), ExitReason.STOP, 5990,
                Instant.parse("2027-03-05T15:30:00Z")), -1000);
        MorningAnalysisHandler handler = handler(environment(cloud), "2027-03-05T21:30:00Z");
        int before = deliveries(cloud);

        Map<String, Object> first = handler.handleRequest(Map.of("kind", "end-of-day", "time", "2027-03-05T21:30:00Z"),
                new FakeContext("MorningAnalysisFunction"));
        int afterFirst = deliveries(cloud);
        Map<String, Object> again = handler.handleRequest(Map.of("kind", "end-of-day", "time", "2027-03-05T21:30:00Z"),
                new FakeContext("MorningAnalysisFunction"));

        assertThat(first).containsEntry("recap", "released").containsEntry("recapTrades", 1);
        assertThat(again).containsEntry("recap", "already-released");
        assertThat(deliveries(cloud)).isEqualTo(afterFirst);
        assertThat(afterFirst).isGreaterThan(before);
    }

    @Test
    void aPinnedDateInTheScheduleInputOverridesTheClock(LocalCloud cloud) {
        Map<String, Object> result = handler(environment(cloud), "2026-11-30T13:00:00Z")
                .handleRequest(Map.of("kind", "pre-market", "date", "2026-12-25"), new FakeContext("MorningAnalysisFunction"));

        assertThat(result).containsEntry("outcome", "closed").containsEntry("date", "2026-12-25");
    }

    @Test
    void rejectsAScheduleInputThatNamesNoKnownRun(LocalCloud cloud) {
        MorningAnalysisHandler handler = handler(environment(cloud), "2026-11-27T13:00:00Z");

        assertThatThrownBy(() -> handler.handleRequest(Map.of("kind", "midday"), new FakeContext("MorningAnalysisFunction")))
                .hasMessageContaining("'kind' must be pre-market or end-of-day, was midday");
        assertThatThrownBy(() -> handler.handleRequest(Map.of("kind", "pre-market", "date", "27/11/2026"),
                new FakeContext("MorningAnalysisFunction"))).hasMessageContaining("'date' must be YYYY-MM-DD");
    }

    @Test
    void startupStopsNamingTheMissingModelSetting(LocalCloud cloud) {
        Map<String, String> environment = environment(cloud);
        environment.put("MODEL_PROVIDER", "bedrock");
        environment.put("MODEL_ID", "");

        assertThatThrownBy(() -> handler(environment, "2026-11-27T13:00:00Z"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MorningAnalysisFunction").hasMessageContaining("MODEL_ID");
    }
}

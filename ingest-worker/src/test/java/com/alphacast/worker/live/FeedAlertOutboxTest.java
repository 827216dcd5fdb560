package com.alphacast.worker.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.feed.DynamoFeedStatusBoard;
import com.alphacast.bots.telegram.TelegramTransport;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.FeedStatus;
import com.alphacast.core.usecase.feed.FeedStatusBoard;
import com.alphacast.fakes.telegram.FakeTelegram;
import com.alphacast.feeds.supervisor.FeedAlert;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.alphacast.core.usecase.feed.RecordedFeedStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Feed alerts for real: status records in the template's control table and messages in the operator chat. */
class FeedAlertOutboxTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate().withoutFunctions().build();

    private static final String TOKEN = "123456:operator-test-token";
    private static final String OPERATORS = "-1001000000009";
    private static final long T0 = 1_764_650_000_000_000_000L;

    @Test
    void statusRecordsLandInTheControlTableAndAlertsInTheOperatorChat() throws Exception {
        LocalCloud cloud = CLOUD.get();
        String control = cloud.tableName("ControlTable");
        DynamoFeedStatusBoard board = new DynamoFeedStatusBoard(cloud.dynamoDb(), control);
        try (FakeTelegram telegram = FakeTelegram.start(TOKEN);
             FeedAlertOutbox outbox = new FeedAlertOutbox(board, Optional.of(new TelegramOperatorChat(
                     TelegramTransport.create(TOKEN, telegram.baseUri(), Duration.ofSeconds(5)), OPERATORS)), 16)) {
            outbox.status(new FeedStatus("BTCUSDT", "binance-spot", FeedHealth.LIVE, "book synchronised", T0));
            outbox.alert(new FeedAlert(FeedAlert.Kind.FAILOVER, "BTCUSDT", "binance-spot", "binance-futures",
                    "binance-spot: no event for 1012 ms", T0 + 5_000_000_000L));
            outbox.status(new FeedStatus("BTCUSDT", "binance-futures", FeedHealth.STALE,
                    "binance-futures resynchronising its book (FAILOVER)", T0 + 5_000_000_000L));
            outbox.status(new FeedStatus("ETHUSDT", "binance-spot", FeedHealth.LIVE, "book synchronised", T0));
            await(() -> outbox.delivered() == 4);

            assertThat(board.statuses()).filteredOn(s -> !s.instrument().equals("SOLUSDT")).containsExactly(
                    new FeedStatus("BTCUSDT", "binance-futures", FeedHealth.STALE,
                            "binance-futures resynchronising its book (FAILOVER)", T0 + 5_000_000_000L),
                    new FeedStatus("ETHUSDT", "binance-spot", FeedHealth.LIVE, "book synchronised", T0));
            Map<String, AttributeValue> item = cloud.dynamoDb().getItem(b -> b.tableName(control)
                    .key(Map.of("controlKey", AttributeValue.fromS("feed|BTCUSDT")))).item();
            assertThat(item.get("health").s()).isEqualTo("STALE");
            assertThat(item.get("since").s()).isEqualTo("2025-12-02T04:33:25Z");
            // the kill switch's record, in the same table, is untouched by the feed records
            assertThat(cloud.dynamoDb().getItem(b -> b.tableName(control)
                    .key(Map.of("controlKey", AttributeValue.fromS("kill-switch")))).item()).isEmpty();

            assertThat(telegram.sentMessages()).singleElement().satisfies(m -> {
                assertThat(m.chatId()).isEqualTo(OPERATORS);
                assertThat(m.text()).isEqualTo("Feed FAILOVER BTCUSDT: failed over from binance-spot to "
                        + "binance-futures. Reason: binance-spot: no event for 1012 ms (2025-12-02T04:33:25Z)");
            });
        }
    }

    @Test
    void anOlderStatusNeverReplacesANewerOne() {
        LocalCloud cloud = CLOUD.get();
        DynamoFeedStatusBoard board = new DynamoFeedStatusBoard(cloud.dynamoDb(), cloud.tableName("ControlTable"));
        FeedStatus newer = new FeedStatus("SOLUSDT", "binance-futures", FeedHealth.LIVE, "", T0 + 2);
        board.publish(newer);
        board.publish(new FeedStatus("SOLUSDT", "binance-spot", FeedHealth.STALE, "late retry", T0 + 1));
        assertThat(board.statuses()).filteredOn(s -> s.instrument().equals("SOLUSDT")).containsExactly(newer);
    }

    @Test
    void refreshRewritesTheLatestStatusUnchangedSoItsRecordShowsTheWorkerIsAlive() throws Exception {
        LocalCloud cloud = CLOUD.get();
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-12-02T04:40:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        DynamoFeedStatusBoard board = new DynamoFeedStatusBoard(cloud.dynamoDb(), cloud.tableName("ControlTable"), clock);
        FeedStatus stale = new FeedStatus("XRPUSDT", "binance-spot", FeedHealth.STALE, "gap", T0);
        FeedStatus live = new FeedStatus("XRPUSDT", "binance-spot", FeedHealth.LIVE, "rebuilt", T0 + 1);
        // an interval no test run reaches: the refresh is called by hand
        try (FeedAlertOutbox outbox = new FeedAlertOutbox(board, Optional.empty(), 8, Duration.ofHours(1))) {
            outbox.status(live);
            outbox.status(stale); // arrives late: neither the board nor the refresh may take it for the latest
            await(() -> outbox.delivered() == 2);
            now.set(Instant.parse("2025-12-02T04:47:00Z"));
            outbox.refresh();
            await(() -> outbox.delivered() == 3);
        }

        assertThat(board.recorded()).filteredOn(r -> r.status().instrument().equals("XRPUSDT"))
                .containsExactly(new RecordedFeedStatus(live, Instant.parse("2025-12-02T04:47:00Z")));
    }

    @Test
    void aSlowChatNeverHoldsUpTheSupervisorAndAFullOutboxDropsAndCounts() throws Exception {
        CountDownLatch chatAnswers = new CountDownLatch(1);
        List<String> posted = Collections.synchronizedList(new ArrayList<>());
        OperatorChat stuck = text -> {
            try {
                chatAnswers.await(); // Telegram hangs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            posted.add(text);
        };
        List<FeedStatus> recorded = Collections.synchronizedList(new ArrayList<>());
        FeedStatusBoard board = new FeedStatusBoard() {
            @Override
            public void publish(FeedStatus status) {
                recorded.add(status);
            }

            @Override
            public List<FeedStatus> statuses() {
                return List.copyOf(recorded);
            }
        };
        try (FeedAlertOutbox outbox = new FeedAlertOutbox(board, Optional.of(stuck), 2)) {
            long start = System.nanoTime();
            for (int k = 0; k < 5; k++) {
                outbox.alert(new FeedAlert(FeedAlert.Kind.SILENCED, "BTCUSDT", "binance-spot", null, "gap " + k,
                        T0 + k));
            }
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMillis).as("the caller never waits for the chat").isLessThan(1_000);
            // one in the chat call, two queued, the rest dropped and counted
            assertThat(outbox.dropped()).isEqualTo(2);
            chatAnswers.countDown();
            await(() -> outbox.delivered() == 3);
            assertThat(posted).hasSize(3).allMatch(t -> t.startsWith("Feed SILENCED BTCUSDT: no live source"));
        }
    }

    @Test
    void aFailingBoardIsCountedAndTheNextStatusStillGoesThrough() throws Exception {
        List<FeedStatus> recorded = Collections.synchronizedList(new ArrayList<>());
        FeedStatusBoard flaky = new FeedStatusBoard() {
            private int calls;

            @Override
            public synchronized void publish(FeedStatus status) {
                if (calls++ == 0) {
                    throw new IllegalStateException("ProvisionedThroughputExceeded");
                }
                recorded.add(status);
            }

            @Override
            public List<FeedStatus> statuses() {
                return List.copyOf(recorded);
            }
        };
        try (FeedAlertOutbox outbox = new FeedAlertOutbox(flaky, Optional.empty(), 8)) {
            outbox.status(new FeedStatus("BTCUSDT", "binance-spot", FeedHealth.STALE, "gap", T0));
            outbox.status(new FeedStatus("BTCUSDT", "binance-spot", FeedHealth.LIVE, "rebuilt", T0 + 1));
            await(() -> outbox.failed() + outbox.delivered() == 2);
            assertThat(outbox.failed()).isEqualTo(1);
            assertThat(recorded).extracting(FeedStatus::health).containsExactly(FeedHealth.LIVE);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(5);
        }
    }
}

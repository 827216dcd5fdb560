package com.alphacast.worker.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.sqs.QueuePublisher;
import com.alphacast.aws.strategy.DynamoRejectedSignals;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.market.MarketAnalytics;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.strategy.RejectedSignal;
import com.alphacast.core.volatility.VolatilityRegime;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The worker's batched writes against the project's template on the local cloud, read back as the functions read. */
class BatchedWritesOnTheLocalCloudTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate().withoutFunctions().build();

    private static final long START = Instant.parse("2025-09-25T14:00:00Z").toEpochMilli();
    /**
     * When the worker saw the bars: TTL counts from it and the local DynamoDB purges by the wall clock, so it is taken
     * from the wall clock (a fixed 2026-12-02 05:00 with one day's retention lost batches from the next morning on).
     */
    private static final Instant OBSERVED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static MarketSnapshot snapshot(String symbol, int minute, MarketAnalytics analytics) {
        long start = START + minute * 60_000L;
        return new MarketSnapshot(new Bar(symbol, start, start + 60_000, 660, 661, 659.5, 660.5, 1_000 + minute, 40),
                OBSERVED.plusSeconds(minute), analytics);
    }

    @Test
    void snapshotsWrittenInBatchesReadBackWithEveryAnalyticIncludingTheChain() {
        LocalCloud cloud = CLOUD.get();
        DynamoMarketSnapshots table = new DynamoMarketSnapshots(cloud.dynamoDb(),
                cloud.tableName("MarketSnapshotsTable"), Duration.ofDays(1));
        MarketAnalytics warming = new MarketAnalytics(FeedHealth.SYNCHRONISING, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, VolatilityRegime.UNKNOWN, Double.NaN, Double.NaN, false, 0, 2, Optional.empty());
        MarketAnalytics full = new MarketAnalytics(FeedHealth.LIVE, 0.41, -0.25, 660.43, 0.01, 0.18,
                VolatilityRegime.NORMAL, 2.7, 3.1, true, 5, 2, Optional.of(new ChainSummary(LocalDate.of(2025, 9, 25),
                660.48, -3.9178e9, 1.2e10, 668.5, 670, 650, 41)));
        List<MarketSnapshot> snapshots = new ArrayList<>();
        for (int minute = 0; minute < 59; minute++) {
            snapshots.add(snapshot("SPY", minute, warming));
        }
        snapshots.add(snapshot("SPY", 59, full));

        table.putAll(snapshots); // 60 items: three BatchWriteItem requests

        assertThat(table.barsBetween("SPY", Instant.ofEpochMilli(START), Instant.ofEpochMilli(START + 3_600_000)))
                .hasSize(60);
        assertThat(table.latest("SPY")).contains(snapshots.get(59));
        assertThat(table.atOrBefore("SPY", Instant.ofEpochMilli(START + 60_000))).contains(snapshots.get(0));
    }

    @Test
    void messagesSentInBatchesAllArrive() {
        LocalCloud cloud = CLOUD.get();
        String queue = cloud.queueUrl("MarketBarsQueue");
        QueuePublisher publisher = new QueuePublisher(cloud.sqs(), queue, new JsonCodec());
        List<QueuePublisher.Outgoing> bars = new ArrayList<>();
        for (int minute = 0; minute < 23; minute++) {
            MarketSnapshot s = snapshot("QQQ", minute, MarketAnalytics.NONE);
            bars.add(new QueuePublisher.Outgoing(s.bar(), Map.of("symbol", s.symbol())));
        }

        publisher.publishAll(bars); // three SendMessageBatch requests

        assertThat(cloud.messageCount("MarketBarsQueue")).isEqualTo(23);
    }

    @Test
    void rejectedSignalsWrittenInBatchesAreQueriedByUnderlyingAndTimeRange() {
        LocalCloud cloud = CLOUD.get();
        DynamoRejectedSignals table = new DynamoRejectedSignals(cloud.dynamoDb(),
                // TTL counts from observedAt (2025 here) and the local cloud honours it: keep them for a century
                cloud.tableName("RejectedSignalsTable"), Duration.ofDays(36_500), new JsonCodec());
        List<RejectedSignal> rejections = new ArrayList<>();
        for (int minute = 0; minute < 30; minute++) {
            Instant at = Instant.ofEpochMilli(START).plusSeconds(60L * minute);
            Signal loser = new Signal("institutional-flow:SPY:" + at, "institutional-flow", "SPY", "SPY",
                    Direction.SHORT, 658.05, 659.37, 655.42, 1, 0.31, "selling", at, at.plusMillis(300));
            rejections.add(new RejectedSignal(loser, "0dte-gamma:SPY:" + at,
                    "institutional-flow SHORT conflicts with 0dte-gamma LONG by SPY within PT15M: lower confidence"));
        }

        table.putAll(rejections); // 30 items: two BatchWriteItem requests
        table.putAll(rejections.subList(0, 3)); // a retried batch overwrites the same items

        Instant from = Instant.ofEpochMilli(START).plusSeconds(600);
        List<RejectedSignal> read = table.between("SPY", from, from.plusSeconds(240));
        assertThat(read).containsExactlyElementsOf(rejections.subList(10, 15));
        assertThat(table.between("SPY", Instant.ofEpochMilli(START), from.plusSeconds(3600))).hasSize(30);
        assertThat(table.between("QQQ", Instant.ofEpochMilli(START), from.plusSeconds(3600))).isEmpty();
    }
}

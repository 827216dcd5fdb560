package com.alphacast.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.distribution.DeliveryRecord;
import com.alphacast.aws.distribution.DynamoDeliveryLedger;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.market.DynamoOptionChains;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.feed.cboe.CboeQuoteDataParser;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.OptionLeg;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.alphacast.localcloud.junit.TemporaryHome;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Option signals through the deployed functions on the real template, each from its jar, with ONE position slot
 * (one-slot-config/demo.yaml, {@code broker.options}: one tick of slippage, spread within 10 % of the mid, at least 100
 * open contracts, 0DTE closed 15 minutes before the close). The chain is the real CBOE SPY export
 * (data/demo/spy_quotedata_2025-09-25.csv) stored as the worker stores it, taken as the quotes of 2025-10-01 13:55
 * New York, the day its nearest expiry trades as 0DTE; the SPY bars around it are stored as the worker stores them.
 *
 * <p>The illiquid put SPY251001P00560000 (bid 0.02, ask 0.03: a spread of 40 % of the mid) is refused with that
 * reason, recorded REJECTED, and its slot given back; so the next signal, on the put SPY251001P00658000 (bid 3.70,
 * ask 3.73, open interest 989), is approved into the one slot, bought at the ask plus a tick (3.74), and closed at
 * the 0DTE cutoff (15:45) at the bid less a tick (3.69): -0.05 × 100 = -$5.00, published to every tier.
 */
class OptionSignalIT {

    private static final Duration IDLE = Duration.ofSeconds(60);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate EXPIRY_DAY = LocalDate.of(2025, 10, 1);
    private static final Path HOME = TemporaryHome.create("alphacast-option-signal-test");

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .parameter("ExitCheckWaitSeconds", "0")
            .onlyFunctions("RiskCheckFunction", "OrderFunction", "PositionExitFunction", "DistributionFunction")
            .functionEnvironment("ALPHACAST_CONFIG_DIR", PipelineFixtures.oneSlotConfig().toString())
            .functionEnvironment("ALPHACAST_HOME", HOME.toString())
            .build();

    private final JsonCodec json = new JsonCodec();

    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(EXPIRY_DAY, LocalTime.of(hour, minute), NEW_YORK).toInstant();
    }

    /** SHORT SPY at its levels, bought as {@code contract} with its premium entry, stop and target. */
    private static Signal shortSpy(Instant barEnd, String contract, double entry, double stop, double target) {
        return new Signal("0dte-gamma:SPY:" + barEnd, "0dte-gamma", "SPY", "SPY", Direction.SHORT, 658.05, 659.55,
                655.05, 1, 0.7, "negative gamma below the put wall", barEnd, Instant.now(),
                Optional.of(new OptionLeg(OccSymbol.parse(contract), entry, stop, target)));
    }

    private static void storeTheMarket(LocalCloud cloud) throws Exception {
        Path csv = LocalCloudExtension.projectRoot().resolve("data/demo/spy_quotedata_2025-09-25.csv");
        OptionChain export;
        try (Reader r = Files.newBufferedReader(csv)) {
            export = new CboeQuoteDataParser().parse(r, csv.toString()).chain();
        }
        OptionChain chain = new OptionChain(export.underlying(), export.spot(), EXPIRY_DAY,
                ZonedDateTime.of(EXPIRY_DAY, LocalTime.of(13, 55), NEW_YORK), export.contracts());
        new DynamoOptionChains(cloud.dynamoDb(), cloud.tableName("MarketSnapshotsTable"), Duration.ofDays(1))
                .putAll(List.of(new DynamoOptionChains.ChainWrite("SPY", chain, Instant.now())));
        List<MarketSnapshot> bars = new ArrayList<>();
        for (Instant end = at(13, 56); !end.isAfter(at(15, 50)); end = end.plusSeconds(60)) {
            bars.add(new MarketSnapshot(new Bar("SPY", end.minusSeconds(60).toEpochMilli(), end.toEpochMilli(),
                    658.0, 658.2, 657.9, 658.05, 10_000, 100), Instant.now()));
        }
        new DynamoMarketSnapshots(cloud.dynamoDb(), cloud.tableName("MarketSnapshotsTable"), Duration.ofDays(1))
                .putAll(bars);
    }

    private List<String> outboxLines(String publicationId) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String channel : List.of("telegram", "discord", "x")) {
            Path file = HOME.resolve(".alphacast/outbox/" + channel + ".jsonl");
            if (Files.exists(file)) {
                Files.readAllLines(file).stream().filter(l -> l.contains("\"publicationId\":\"" + publicationId + "\""))
                        .forEach(lines::add);
            }
        }
        return lines;
    }

    @Test
    void illiquidContractIsRefusedWithItsSlotBackThenTheNextIsFilledAtTheAskAndClosedAtTheCutoff(LocalCloud cloud)
            throws Exception {
        storeTheMarket(cloud);
        DynamoRiskLedger risk = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), json);
        DynamoTradingLedger trading = new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"),
                cloud.tableName("PositionsTable"));
        Signal illiquid = shortSpy(at(13, 58), "SPY251001P00560000", 0.03, 0.01, 0.05);
        Signal traded = shortSpy(at(14, 0), "SPY251001P00658000", 3.73, 3.00, 5.17);

        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("SignalsQueue")).messageGroupId("signals")
                .messageDeduplicationId(illiquid.id()).messageBody(json.write(illiquid)));
        cloud.awaitIdle(IDLE);
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("SignalsQueue")).messageGroupId("signals")
                .messageDeduplicationId(traded.id()).messageBody(json.write(traded)));
        cloud.awaitIdle(IDLE);

        // the illiquid contract: approved, refused by the option broker with the reason, its slot given back
        assertThat(risk.decisionFor(illiquid.id())).hasValueSatisfying(d -> assertThat(d.decision().approved()).isTrue());
        assertThat(trading.rejections()).containsOnlyKeys(illiquid.id());
        assertThat(trading.rejections().get(illiquid.id())).contains("refused by paper-options")
                .contains("SPY251001P00560000").contains("spread 0.0200-0.0300 is 40.0% of the mid, over the 10.0% limit");

        // the next signal took the one slot: the put bought at the ask plus a tick
        RecordedDecision decision = risk.decisionFor(traded.id()).orElseThrow();
        assertThat(decision.decision().approved()).as("%s", decision.decision().reasons()).isTrue();
        assertThat(trading.executions()).singleElement().satisfies(execution -> {
            assertThat(execution.order().orderId()).isEqualTo(traded.id());
            assertThat(execution.order().instrument()).isEqualTo("SPY251001P00658000");
            assertThat(execution.order().side()).isEqualTo(Direction.LONG);
            assertThat(execution.order().broker()).isEqualTo("paper-options");
            assertThat(execution.fill().price()).isEqualTo(3.74);
        });

        // closed at the 0DTE cutoff on the chain's bid less a tick, P&L on the contract's multiplier of 100
        assertThat(trading.openPositions()).isEmpty();
        assertThat(trading.closedPositions()).singleElement().satisfies(closed -> {
            assertThat(closed.position().signalId()).isEqualTo(traded.id());
            assertThat(closed.exit().reason()).isEqualTo(ExitReason.EXPIRY_CUTOFF);
            assertThat(closed.exit().price()).isEqualTo(3.69);
            assertThat(closed.exit().time()).isEqualTo(at(15, 45));
            assertThat(closed.realizedPnl()).isCloseTo(-5.0, org.assertj.core.api.Assertions.within(1e-9));
        });
        assertThat(risk.held()).isEmpty();

        // the fill and the close went to every tier; premium subscribers read the contract and the P&L
        List<DeliveryRecord> deliveries = new DynamoDeliveryLedger(cloud.dynamoDb(), cloud.tableName("DeliveriesTable"),
                Duration.ofMinutes(1), Duration.ofDays(1)).all();
        assertThat(deliveries).filteredOn(d -> d.publicationId().equals("exit:" + traded.id())).hasSize(6)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo("SENT"));
        assertThat(deliveries).filteredOn(d -> d.publicationId().startsWith("fill:" + traded.id())).hasSize(6);
        assertThat(outboxLines("exit:" + traded.id())).anySatisfy(line ->
                assertThat(line).contains("SPY251001P00658000").contains("-$5.00"));
        assertThat(cloud.deadLetterCount("OrdersQueue") + cloud.deadLetterCount("MarketBarsQueue")
                + cloud.deadLetterCount("DeliveriesQueue")).isZero();
    }
}

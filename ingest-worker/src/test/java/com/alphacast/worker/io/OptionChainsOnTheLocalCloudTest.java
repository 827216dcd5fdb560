package com.alphacast.worker.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.market.DynamoOptionChains;
import com.alphacast.aws.market.DynamoOptionChains.ChainWrite;
import com.alphacast.core.feed.cboe.CboeQuoteDataParser;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real CBOE SPY chain of 2025-09-25 (3,716 contracts) stored in MarketSnapshotsTable as the project's template
 * declares it and read back as the order and position functions read it.
 */
class OptionChainsOnTheLocalCloudTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate().withoutFunctions().build();

    private static final Path ROOT = Path.of(System.getProperty("alphacast.project.root", ".."));
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /**
     * When the worker saw the chains. TTL counts from it and the local DynamoDB purges by the wall clock, so it is
     * taken from the wall clock: a fixed date (it was 2026-12-02 05:00, one day's retention) made every run from the
     * next morning on lose items between two writes.
     */
    private static final Instant OBSERVED = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static OptionChain export;

    @BeforeAll
    static void readTheExport() throws Exception {
        Path csv = ROOT.resolve("data/demo/spy_quotedata_2025-09-25.csv");
        try (Reader r = Files.newBufferedReader(csv)) {
            export = new CboeQuoteDataParser().parse(r, csv.toString()).chain();
        }
    }

    private static OptionChain takenAt(LocalDate day, int hour, int minute) {
        return new OptionChain(export.underlying(), export.spot(), day,
                ZonedDateTime.of(day, LocalTime.of(hour, minute), NEW_YORK), export.contracts());
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), NEW_YORK).toInstant();
    }

    /** What fills and exits read of each contract, the rest (IV, greeks) not stored. */
    private static void assertSameQuotes(OptionChain read, OptionChain written) {
        assertThat(read.underlying()).isEqualTo(written.underlying());
        assertThat(read.spot()).isEqualTo(written.spot());
        assertThat(read.asOf()).isEqualTo(written.asOf());
        assertThat(read.asOfTime()).isEqualTo(written.asOfTime());
        assertThat(read.contracts()).hasSameSizeAs(written.contracts());
        for (int i = 0; i < written.contracts().size(); i++) {
            OptionContract w = written.contracts().get(i);
            OptionContract r = read.contracts().get(i);
            assertThat(List.of(r.symbol(), r.last(), r.bid(), r.ask(), r.volume(), r.openInterest()))
                    .as(w.symbol().compact())
                    .isEqualTo(List.of(w.symbol(), w.last(), w.bid(), w.ask(), w.volume(), w.openInterest()));
            assertThat(r.impliedVol()).isNaN();
        }
    }

    @Test
    void theRecordedChainFitsOneItemAndIsReadBackAtOrBeforeATime() {
        LocalCloud cloud = CLOUD.get();
        DynamoOptionChains chains = new DynamoOptionChains(cloud.dynamoDb(), cloud.tableName("MarketSnapshotsTable"),
                Duration.ofDays(1));
        LocalDate day = LocalDate.of(2025, 10, 1);
        OptionChain morning = takenAt(day, 10, 0);
        OptionChain afternoon = takenAt(day, 14, 0);

        chains.putAll(List.of(new ChainWrite("SPY", morning, OBSERVED), new ChainWrite("SPY", afternoon, OBSERVED)));

        Map<String, AttributeValue> head = cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName(
                "MarketSnapshotsTable")).key(Map.of("symbol", AttributeValue.fromS("chain#SPY"),
                "barStart", AttributeValue.fromN(Long.toString(at(day, 14, 0).toEpochMilli()))))).item();
        assertThat(head.get("parts").n()).isEqualTo("1");
        assertThat(head.get("contractCount").n()).isEqualTo("3716");
        assertThat(head.get("contracts").b().asByteArray().length).isLessThan(DynamoOptionChains.DEFAULT_MAX_PART_BYTES);
        assertThat(head.get("expiresAt").n()).isEqualTo(Long.toString(OBSERVED.plus(Duration.ofDays(1)).getEpochSecond()));

        assertThat(chains.chainAtOrBefore("SPY", at(day, 9, 59))).isEmpty();
        assertSameQuotes(chains.chainAtOrBefore("SPY", at(day, 13, 59)).orElseThrow(), morning);
        assertSameQuotes(chains.chainAtOrBefore("SPY", at(day, 14, 0)).orElseThrow(), afternoon);
        assertThat(chains.chainAtOrBefore("ES", at(day, 14, 0))).isEmpty();
        // the bars of the same symbol are not mistaken for chains, nor chains for bars
        assertThat(new DynamoMarketSnapshots(cloud.dynamoDb(), cloud.tableName("MarketSnapshotsTable"),
                Duration.ofDays(1)).latest("SPY")).isEmpty();
    }

    @Test
    void chainsInEffectAreTheOneHeldAtTheStartThenEachTakenUpToTheEnd() {
        LocalCloud cloud = CLOUD.get();
        DynamoOptionChains chains = new DynamoOptionChains(cloud.dynamoDb(), cloud.tableName("MarketSnapshotsTable"),
                Duration.ofDays(1));
        LocalDate day = LocalDate.of(2025, 10, 2);
        chains.putAll(List.of(new ChainWrite("ES", takenAt(day, 9, 30), OBSERVED),
                new ChainWrite("ES", takenAt(day, 10, 0), OBSERVED), new ChainWrite("ES", takenAt(day, 10, 30), OBSERVED),
                new ChainWrite("ES", takenAt(day, 11, 0), OBSERVED)));

        List<OptionChain> inEffect = chains.chainsInEffect("ES", at(day, 9, 45), at(day, 10, 30));

        assertThat(inEffect).extracting(c -> c.asOfTime().toInstant())
                .containsExactly(at(day, 9, 30), at(day, 10, 0), at(day, 10, 30));
        assertThat(chains.chainsInEffect("ES", at(day, 9, 0), at(day, 9, 15))).isEmpty();
        assertThat(inEffect.get(0).underlying()).isEqualTo("SPY"); // ES follows SPY's chain
    }

    @Test
    void aChainOverThePartLimitIsSplitAndReadBackWhole() {
        LocalCloud cloud = CLOUD.get();
        DynamoOptionChains chains = new DynamoOptionChains(cloud.dynamoDb(), cloud.tableName("MarketSnapshotsTable"),
                Duration.ofDays(1), 4_096);
        LocalDate day = LocalDate.of(2025, 10, 3);
        OptionChain chain = takenAt(day, 12, 0);

        chains.putAll(List.of(new ChainWrite("QQQ", chain, OBSERVED)));

        Map<String, AttributeValue> head = cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName(
                "MarketSnapshotsTable")).key(Map.of("symbol", AttributeValue.fromS("chain#QQQ"),
                "barStart", AttributeValue.fromN(Long.toString(at(day, 12, 0).toEpochMilli()))))).item();
        assertThat(Integer.parseInt(head.get("parts").n())).isGreaterThan(1);
        // a fresh reader, so nothing comes from the writer's cache
        assertSameQuotes(new DynamoOptionChains(cloud.dynamoDb(), cloud.tableName("MarketSnapshotsTable"),
                Duration.ofDays(1)).chainAtOrBefore("QQQ", at(day, 12, 0)).orElseThrow(), chain);
    }

    @Test
    void aChainWithoutTheTimeItWasTakenIsRefusedNamingIt() {
        OptionChain undated = new OptionChain("SPY", 658.05, LocalDate.of(2025, 9, 25), null, export.contracts());

        assertThatThrownBy(() -> new ChainWrite("SPY", undated, OBSERVED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SPY chain as of 2025-09-25 has no as-of time");
    }
}

package com.alphacast.core.usecase.trading;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.market.Bar;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TradeExit;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.usecase.publication.PublicationRelease;
import com.alphacast.core.usecase.publication.RecordingReleaseQueue;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PositionExitsTest {

    private static final Instant FILLED = Instant.parse("2011-07-31T22:10:00Z");

    private final InMemoryTradingLedger ledger = new InMemoryTradingLedger();
    private final RecordedMarket market = new RecordedMarket();
    private final RecordingReleaseQueue queue = new RecordingReleaseQueue();
    private final List<PositionExit> releasedSlots = new ArrayList<>();
    private final List<String> checkedThrough = new ArrayList<>();
    private final RiskSlots slots = new RiskSlots() {
        @Override
        public boolean release(PositionExit exit) {
            return releasedSlots.add(exit);
        }

        @Override
        public boolean releaseUnfilled(String signalId, Instant at) {
            throw new AssertionError("the position function gives back only the slots of positions it closes");
        }

    };
    private final PositionExits exits = new PositionExits(ledger, market, market, 50, slots,
            new PublicationRelease(Map.of(Tier.PREMIUM, new TierPolicy(0, Map.of(Channel.TELEGRAM, List.of("-1001")))),
                    queue, signalId -> Optional.of(FILLED), Clock.fixed(FILLED.plusSeconds(600), ZoneOffset.UTC)),
            this::recordCheck);

    /** Each recorded check as the symbol, its horizon and the positions it names, sorted. */
    private void recordCheck(String symbol, ExitCheck check) {
        checkedThrough.add(symbol + " " + check.horizon() + " " + check.positions().stream().sorted().toList());
    }

    private static Bar bar(String symbol, int minute, double open, double high, double low, double close) {
        Instant start = FILLED.plusSeconds(60L * minute);
        return new Bar(symbol, start.toEpochMilli(), start.plusSeconds(60).toEpochMilli(), open, high, low, close, 500, 50);
    }

    /** Long 1 ES from 1300, stop 1298, target 1304. */
    private static Position longEs(String id) {
        return new Position(id, "ES", "ESU1", Direction.LONG, 1, 1300.0, 1298.0, 1304.0, FILLED);
    }

    @Test
    void closesAtTheFirstBarSinceTheFillThatReachedALevelAndOnlyOnce() {
        ledger.open(longEs("p1"));
        market.add(bar("ES", 0, 1300.0, 1301.0, 1299.0, 1300.5));
        market.add(bar("ES", 1, 1300.5, 1304.5, 1300.0, 1304.0));   // target
        market.add(bar("ES", 2, 1304.0, 1304.0, 1297.0, 1297.5));   // stop, but later
        Instant horizon = FILLED.plusSeconds(180);

        List<PositionExit> closed = exits.closeExited("ES", horizon);
        List<PositionExit> again = exits.closeExited("ES", horizon);

        assertThat(closed).singleElement().satisfies(exit -> {
            assertThat(exit.reason()).isEqualTo(ExitReason.TARGET);
            assertThat(exit.price()).isEqualTo(1304.0);
        });
        assertThat(again).isEmpty();
        assertThat(ledger.closed()).singleElement().satisfies(c -> assertThat(c.realizedPnl()).isEqualTo(200.0));
        // The first check read p1 open; the second found nothing open.
        assertThat(checkedThrough).containsExactly("ES " + horizon + " [p1]", "ES " + horizon + " []");
        assertThat(releasedSlots).containsExactly(closed.get(0));
        assertThat(queue.publications()).singleElement().isInstanceOfSatisfying(Publication.TargetHit.class, hit -> {
            assertThat(hit.exit().realizedPnl()).isEqualTo(200.0);
            assertThat(hit.exit().exitPrice()).isEqualTo(1304.0);
            assertThat(hit.exit().reason()).isEqualTo(TradeExit.ExitReason.TARGET);
        });
    }

    @Test
    void barsAlreadyFoundWithoutAnExitAreNotReadAgainOnTheNextBar() {
        ledger.open(longEs("p1"));
        Bar quiet = bar("ES", 0, 1300.0, 1301.0, 1299.0, 1300.5);
        Bar alsoQuiet = bar("ES", 1, 1300.5, 1301.5, 1299.5, 1301.0);
        Bar stop = bar("ES", 2, 1301.0, 1301.0, 1297.0, 1297.5);

        market.add(quiet);
        List<PositionExit> afterFirst = exits.closeExited("ES", quiet.end());
        market.add(alsoQuiet);
        List<PositionExit> afterSecond = exits.closeExited("ES", alsoQuiet.end());
        market.add(stop);
        List<PositionExit> afterThird = exits.closeExited("ES", stop.end());

        assertThat(afterFirst).isEmpty();
        assertThat(afterSecond).isEmpty();
        assertThat(afterThird).singleElement().satisfies(exit -> {
            assertThat(exit.reason()).isEqualTo(ExitReason.STOP);
            assertThat(exit.time()).isEqualTo(stop.end());
        });
        // Each bar read once: from the fill, then from the end of the last bar found quiet.
        assertThat(market.historyReadsFrom()).containsExactly(FILLED, quiet.end(), alsoQuiet.end());
    }

    @Test
    void positionsOnTheSymbolShareOneReadOfTheBarsAndOfTheOpenPositionsPerBar() {
        ledger.open(longEs("p1"));
        // Short from 1301 one bar later: stop 1303, target 1297.
        ledger.open(new Position("p2", "ES", "ESU1", Direction.SHORT, 1, 1301.0, 1303.0, 1297.0,
                FILLED.plusSeconds(60)));
        Bar quiet = bar("ES", 0, 1300.0, 1301.0, 1299.0, 1300.5);
        Bar alsoQuiet = bar("ES", 1, 1300.5, 1302.0, 1299.5, 1301.5);
        Bar both = bar("ES", 2, 1302.0, 1304.5, 1301.5, 1304.0);   // p1's target and p2's stop

        market.add(quiet);
        List<PositionExit> afterFirst = exits.closeExited("ES", quiet.end());
        market.add(alsoQuiet);
        List<PositionExit> afterSecond = exits.closeExited("ES", alsoQuiet.end());
        market.add(both);
        List<PositionExit> afterThird = exits.closeExited("ES", both.end());

        assertThat(afterFirst).isEmpty();
        assertThat(afterSecond).isEmpty();
        assertThat(afterThird).extracting(PositionExit::signalId, PositionExit::reason, PositionExit::time)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("p1", ExitReason.TARGET, both.end()),
                        org.assertj.core.groups.Tuple.tuple("p2", ExitReason.STOP, both.end()));
        // One bar-history read per bar for both positions (p2 had nothing to check at the first), from where the
        // earliest of them still had to look; one read of the open positions per bar.
        assertThat(market.historyReadsFrom()).containsExactly(FILLED, quiet.end(), alsoQuiet.end());
        assertThat(ledger.openPositionReads()).isEqualTo(3);
        assertThat(checkedThrough).containsExactly("ES " + quiet.end() + " [p1, p2]", "ES " + alsoQuiet.end() + " [p1, p2]",
                "ES " + both.end() + " [p1, p2]");
    }

    @Test
    void aPositionFilledAfterAnotherIsJudgedOnlyOnBarsSinceItsOwnFill() {
        ledger.open(longEs("p1"));
        // Long from 1297 two bars after p1: stop 1295, target 1301. The first bar's high of 1301 is before its fill.
        ledger.open(new Position("p2", "ES", "ESU1", Direction.LONG, 1, 1297.0, 1295.0, 1301.0,
                FILLED.plusSeconds(120)));
        market.add(bar("ES", 0, 1300.0, 1301.0, 1299.0, 1300.5));
        market.add(bar("ES", 1, 1300.5, 1300.75, 1298.5, 1299.0));
        Bar third = bar("ES", 2, 1299.0, 1299.5, 1297.75, 1298.0);

        market.add(third);
        List<PositionExit> closed = exits.closeExited("ES", third.end());

        // p1 (stop 1298) is out at the third bar; p2 saw only the third bar, which reached neither of its levels.
        assertThat(closed).extracting(PositionExit::signalId, PositionExit::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p1", ExitReason.STOP));
        assertThat(ledger.openPositions()).extracting(Position::signalId).containsExactly("p2");
        assertThat(market.historyReadsFrom()).containsExactly(FILLED);
    }

    @Test
    void closeThatFailedToPublishIsRedoneWholeByTheNextEvaluation() {
        ledger.open(longEs("p1"));
        market.add(bar("ES", 0, 1297.0, 1297.5, 1296.0, 1296.5));
        PositionExits failing = new PositionExits(ledger, market, market, 50, slots,
                new PublicationRelease(Map.of(Tier.PREMIUM, new TierPolicy(0, Map.of(Channel.TELEGRAM, List.of("-1001")))),
                        new RecordingReleaseQueue().unavailable(true), signalId -> Optional.empty(), Clock.systemUTC()),
                this::recordCheck);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.closeExited("ES", FILLED.plusSeconds(60)))
                .hasMessageContaining("queue unavailable");
        assertThat(ledger.openPositions()).hasSize(1);
        assertThat(checkedThrough).as("a failed close does not count as checked").isEmpty();
        List<PositionExit> closed = exits.closeExited("ES", FILLED.plusSeconds(60));

        assertThat(closed).hasSize(1);
        assertThat(queue.publications()).singleElement().isInstanceOf(Publication.StopHit.class);
        // Giving the slot back twice is harmless: the risk ledger's release is conditional.
        assertThat(releasedSlots).hasSize(2).containsOnly(closed.get(0));
    }

    @Test
    void gapThroughTheStopExitsAtTheOpen() {
        ledger.open(longEs("p1"));
        market.add(bar("ES", 0, 1297.0, 1297.5, 1296.0, 1296.5));

        List<PositionExit> closed = exits.closeExited("ES", FILLED.plusSeconds(60));

        assertThat(closed).singleElement().satisfies(exit -> {
            assertThat(exit.reason()).isEqualTo(ExitReason.STOP);
            assertThat(exit.price()).isEqualTo(1297.0);
        });
    }

    @Test
    void aCheckNamesOnlyThePositionsItReadSoAnApprovalFilledLaterIsNotTakenAsChecked() {
        ledger.open(longEs("p1"));
        ledger.open(new Position("nq1", "NQ", "NQU1", Direction.LONG, 1, 2400.0, 2390.0, 2420.0, FILLED));
        market.add(bar("ES", 0, 1300.0, 1301.0, 1299.0, 1300.5));

        exits.closeExited("ES", FILLED.plusSeconds(60));
        // p2's order is filled only now, after the check above read the positions: that check says nothing about it.
        ledger.open(new Position("p2", "ES", "ESU1", Direction.LONG, 1, 1300.0, 1298.0, 1304.0, FILLED));
        exits.closeExited("ES", FILLED.plusSeconds(60));

        // Only the symbol's own positions are named: NQ's bars decide nq1.
        assertThat(checkedThrough).containsExactly("ES " + FILLED.plusSeconds(60) + " [p1]",
                "ES " + FILLED.plusSeconds(60) + " [p1, p2]");
    }

    @Test
    void barsOfAnotherSymbolOrBeyondTheHorizonLeaveThePositionOpen() {
        ledger.open(longEs("p1"));
        market.add(bar("NQ", 0, 1300.0, 1310.0, 1290.0, 1300.0));
        market.add(bar("ES", 1, 1300.0, 1305.0, 1299.0, 1304.5));

        assertThat(exits.closeExited("NQ", FILLED.plusSeconds(60))).isEmpty();
        assertThat(exits.closeExited("ES", FILLED.plusSeconds(60))).isEmpty();
        assertThat(ledger.openPositions()).extracting(Position::signalId).containsExactly("p1");
    }

    @Test
    void operatorCloseIsAtTheLatestStoredPriceAndHappensOnceHoweverOftenItIsRequested() {
        ledger.open(longEs("p1"));
        market.add(bar("ES", 0, 1300.0, 1301.0, 1299.0, 1300.5));
        market.add(bar("ES", 1, 1300.5, 1302.0, 1300.25, 1301.75));
        Instant requested = FILLED.plusSeconds(3600);

        Optional<PositionExit> closed = exits.closeOnRequest(new CloseRequest("p1", "telegram:42", requested));
        // Redelivered, and a second /closeall confirmed later: the position is no longer open.
        Optional<PositionExit> redelivered = exits.closeOnRequest(new CloseRequest("p1", "telegram:42", requested));
        Optional<PositionExit> confirmedTwice = exits.closeOnRequest(new CloseRequest("p1", "telegram:42",
                requested.plusSeconds(30)));

        assertThat(closed).hasValue(new PositionExit("p1", ExitReason.OPERATOR, 1301.75, FILLED.plusSeconds(120)));
        assertThat(redelivered).isEmpty();
        assertThat(confirmedTwice).isEmpty();
        // Long 1 ES from 1300 to 1301.75 at 50 USD a point.
        assertThat(ledger.closed()).singleElement().satisfies(c -> assertThat(c.realizedPnl()).isEqualTo(87.5));
        assertThat(releasedSlots).containsExactly(closed.get());
        assertThat(queue.publications()).singleElement().isInstanceOfSatisfying(Publication.Closed.class, close -> {
            assertThat(close.exit().reason()).isEqualTo(TradeExit.ExitReason.MANUAL);
            assertThat(close.exit().realizedPnl()).isEqualTo(87.5);
            assertThat(close.id()).isEqualTo("exit:p1");
        });
    }

    @Test
    void operatorCloseAfterTheMarketReachedTheStopClosesAtTheStop() {
        ledger.open(longEs("p1"));
        market.add(bar("ES", 0, 1299.5, 1300.0, 1297.5, 1297.75));   // stop 1298 reached
        market.add(bar("ES", 1, 1297.75, 1299.0, 1297.5, 1298.75));

        Optional<PositionExit> closed = exits.closeOnRequest(new CloseRequest("p1", "telegram:42",
                FILLED.plusSeconds(3600)));

        assertThat(closed).hasValueSatisfying(exit -> {
            assertThat(exit.reason()).isEqualTo(ExitReason.STOP);
            assertThat(exit.price()).isEqualTo(1298.0);
        });
        assertThat(queue.publications()).singleElement().isInstanceOf(Publication.StopHit.class);
    }

    @Test
    void operatorClosePricesOnlyWithSnapshotsStoredBeforeTheRequest() {
        ledger.open(longEs("p1"));
        market.add(bar("ES", 0, 1300.0, 1301.0, 1299.0, 1300.5));
        market.add(bar("ES", 5, 1300.5, 1303.0, 1300.25, 1302.5));

        Optional<PositionExit> closed = exits.closeOnRequest(new CloseRequest("p1", "discord:7",
                FILLED.plusSeconds(120)));

        // The bar ending at +6 min is after the request: a redelivery later must price the same close.
        assertThat(closed).hasValueSatisfying(exit -> assertThat(exit.price()).isEqualTo(1300.5));
    }

    @Test
    void closeRequestForAPositionThatIsNotOpenChangesNothing() {
        market.add(bar("ES", 0, 1300.0, 1301.0, 1299.0, 1300.5));

        assertThat(exits.closeOnRequest(new CloseRequest("unknown", "telegram:42", FILLED.plusSeconds(600)))).isEmpty();
        assertThat(releasedSlots).isEmpty();
        assertThat(queue.publications()).isEmpty();
    }
}

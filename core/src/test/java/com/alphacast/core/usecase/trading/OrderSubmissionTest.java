package com.alphacast.core.usecase.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.broker.BrokerException;
import com.alphacast.core.broker.PaperBroker;
import com.alphacast.core.market.Bar;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Fill;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderSubmissionTest {

    private static final Instant BAR_END = Instant.parse("2011-07-31T22:10:00Z");

    private final InMemoryTradingLedger ledger = new InMemoryTradingLedger();
    private final RecordedMarket market = new RecordedMarket();
    private final OrderSubmission submission = new OrderSubmission(new PaperBroker(market, 0.25, 1), ledger,
            new PositionExits(ledger, market, 50), market, Clock.fixed(BAR_END.plusSeconds(2), ZoneOffset.UTC));

    private static Bar bar(Instant end, double open, double high, double low, double close) {
        return new Bar("ES", end.minusSeconds(60).toEpochMilli(), end.toEpochMilli(), open, high, low, close, 1000, 100);
    }

    /** Short ES at 1303.5, stop 1305, target 1300.5, fired on the bar ending at {@link #BAR_END}. */
    private static Signal shortSignal() {
        return new Signal("volume-spike:ESU1:" + BAR_END, "volume-spike", "ES", "ESU1", Direction.SHORT, 1303.5, 1305.0,
                1300.5, 2, 0.66, "test", BAR_END, BAR_END);
    }

    @Test
    void redeliveredApprovalGivesOneOrderFilledAtTheSignalsSnapshotWithSlippage() throws Exception {
        market.add(bar(BAR_END, 1305.0, 1305.25, 1303.25, 1303.5));

        Optional<Fill> first = submission.submit(shortSignal());
        Optional<Fill> again = submission.submit(shortSignal());

        // A sell fills one tick below the last price.
        assertThat(first).hasValueSatisfying(fill -> {
            assertThat(fill.price()).isEqualTo(1303.25);
            assertThat(fill.quantity()).isEqualTo(2);
            assertThat(fill.time()).isEqualTo(BAR_END);
        });
        assertThat(again).isEmpty();
        assertThat(ledger.fills()).hasSize(1);
        assertThat(ledger.openPositions()).singleElement().satisfies(p -> assertThat(p.entryPrice()).isEqualTo(1303.25));
    }

    @Test
    void stopReachedWhileTheOrderWasOnItsWayClosesTheNewPosition() throws Exception {
        market.add(bar(BAR_END, 1305.0, 1305.25, 1303.25, 1303.5));
        // The next bar closed before the order arrived and went through the stop (1305).
        market.add(bar(BAR_END.plusSeconds(60), 1303.5, 1305.5, 1303.0, 1305.25));

        submission.submit(shortSignal());

        assertThat(ledger.openPositions()).isEmpty();
        assertThat(ledger.closed()).singleElement().satisfies(closed -> {
            assertThat(closed.exit().reason()).isEqualTo(ExitReason.STOP);
            assertThat(closed.exit().price()).isEqualTo(1305.0);
            // Short 2 from 1303.25, out at 1305: -1.75 points × 2 × 50.
            assertThat(closed.realizedPnl()).isEqualTo(-175.0);
        });
    }

    @Test
    void redeliveryFinishesTheExitCheckThatFailedAfterTheExecutionWasRecorded() throws Exception {
        market.add(bar(BAR_END, 1305.0, 1305.25, 1303.25, 1303.5));
        market.add(bar(BAR_END.plusSeconds(60), 1303.5, 1305.5, 1303.0, 1305.25));
        market.failHistoryReads(1);

        assertThatThrownBy(() -> submission.submit(shortSignal())).hasMessageContaining("bar history unavailable");
        assertThat(ledger.openPositions()).hasSize(1);

        Optional<Fill> retried = submission.submit(shortSignal());

        assertThat(retried).isEmpty();
        assertThat(ledger.fills()).hasSize(1);
        assertThat(ledger.openPositions()).isEmpty();
        assertThat(ledger.closed()).singleElement()
                .satisfies(closed -> assertThat(closed.exit().reason()).isEqualTo(ExitReason.STOP));
    }

    @Test
    void signalWithoutMarketIsRefusedAndNothingIsRecorded() {
        assertThatThrownBy(() -> submission.submit(shortSignal()))
                .isInstanceOf(BrokerException.class).hasMessageContaining("no market snapshot for ES");
        assertThat(ledger.order(shortSignal().id())).isEmpty();
    }
}

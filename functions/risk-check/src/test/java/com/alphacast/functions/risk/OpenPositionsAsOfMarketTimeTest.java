package com.alphacast.functions.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.risk.RiskLimits;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.approval.RiskLedger;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link DynamoRiskLedger#openAt} on the local cloud's tables: a position counts as open at a signal's market time
 * from its own market time until its recorded exit time, however early the position function released it.
 * Its own stack, so no other test class holds a slot.
 */
class OpenPositionsAsOfMarketTimeTest {

    private static final Instant ENTRY = Instant.parse("2011-07-31T22:29:00Z");
    private static final Instant STOPPED_OUT = Instant.parse("2011-07-31T22:38:00Z");
    private static final LocalDate TRADING_DAY = LocalDate.parse("2011-08-01");

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .withoutFunctions()
            .build();

    private static Signal signal(String id, Instant marketTime) {
        return new Signal(id, "volume-spike", "ES", "ESU1", Direction.SHORT, 1303.5, 1305.0, 1300.5, 1, 0.7, "test",
                marketTime, marketTime);
    }

    @Test
    void positionStoppedOutLaterStillCountsAsOpenForAnEarlierSignal(LocalCloud cloud) {
        DynamoRiskLedger ledger = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), new JsonCodec());
        Signal first = signal("volume-spike:ESU1:2011-07-31T22:29:00Z", ENTRY);
        assertThat(ledger.commit(first, TRADING_DAY, new RiskDecision(first.id(), true, List.of(), ENTRY.plusSeconds(1)),
                new RiskLimits(1, 5, 3, 1.5, 60), List.of())).isEqualTo(RiskLedger.Commit.RECORDED);
        // The position function has already stopped it out at the 22:38 bar, before the 22:31 signal is decided.
        assertThat(ledger.release(new PositionExit(first.id(), ExitReason.STOP, 1305.0, STOPPED_OUT))).isTrue();

        assertThat(ledger.openAt(signal("before", ENTRY.minusSeconds(60)))).isZero();
        assertThat(ledger.openAt(signal("while-open", Instant.parse("2011-07-31T22:31:00Z")))).isEqualTo(1);
        assertThat(ledger.openAt(signal("at-the-exit", STOPPED_OUT))).isZero();
        // The wall-clock counter was given back all the same: only the decision's view is as of market time.
        assertThat(ledger.state(TRADING_DAY).openPositions()).isZero();
    }
}

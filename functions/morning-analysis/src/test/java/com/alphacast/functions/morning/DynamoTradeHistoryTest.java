package com.alphacast.functions.morning;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.briefing.DynamoBriefingLedger;
import com.alphacast.aws.briefing.DynamoRecapLedger;
import com.alphacast.aws.trading.DynamoTradeHistory;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.briefing.SessionTrade;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PositionsTable and BriefingsTable as the template declares them, read by the briefing's trade history and recap. */
class DynamoTradeHistoryTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .withoutFunctions()
            .build();

    private static Position open(DynamoTradingLedger trading, String id, String openedAt) {
        Instant at = Instant.parse(openedAt);
        Position position = new Position(id, "ES", "ESZ8", Direction.SHORT, 1, 5000, 5004, 4992, at);
        trading.recordExecution(new Order(id, "ESZ8", Direction.SHORT, 1, at, "paper"),
                new Fill(id, id, "ESZ8", Direction.SHORT, 1, 5000, at), position);
        return position;
    }

    @Test
    void readsThePositionsOpenedInAPeriodOpenOrClosedAtItsExactBounds(LocalCloud cloud) {
        DynamoTradingLedger trading = new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"),
                cloud.tableName("PositionsTable"));
        open(trading, "history:before", "2028-03-01T13:59:59.900Z");
        Position won = open(trading, "history:at-start", "2028-03-01T14:00:00Z");
        open(trading, "history:fraction", "2028-03-01T14:00:00.500Z");
        open(trading, "history:at-end", "2028-03-01T15:00:00Z");
        trading.close(won, new PositionExit(won.signalId(), ExitReason.TARGET, 4992,
                Instant.parse("2028-03-01T14:20:00Z")), 400);

        var trades = new DynamoTradeHistory(cloud.dynamoDb(), cloud.tableName("PositionsTable"))
                .openedBetween(Instant.parse("2028-03-01T14:00:00Z"), Instant.parse("2028-03-01T15:00:00Z"));

        // "…:00.500Z" sorts before "…:00Z" as text; the period is still read by time.
        assertThat(trades).extracting(t -> t.position().signalId())
                .containsExactly("history:at-start", "history:fraction");
        SessionTrade closed = trades.get(0);
        assertThat(closed.exit()).hasValueSatisfying(exit -> assertThat(exit.reason()).isEqualTo(ExitReason.TARGET));
        assertThat(closed.realizedPnl()).isEqualTo(400);
        assertThat(closed.points()).isEqualTo(8);
        assertThat(trades.get(1).exit()).isEmpty();
    }

    @Test
    void aReleasedRecapIsRememberedBesideTheBriefingsWithoutBeingOne(LocalCloud cloud) {
        DynamoRecapLedger recaps = new DynamoRecapLedger(cloud.dynamoDb(), cloud.tableName("BriefingsTable"));
        LocalDate day = LocalDate.of(2028, 3, 1);

        assertThat(recaps.released(day)).isFalse();
        recaps.markReleased(new Publication.DailyRecap(day, 1, 1, 8, 400, 8, 8, Instant.parse("2028-03-01T21:30:00Z")));

        assertThat(recaps.released(day)).isTrue();
        assertThat(recaps.released(day.plusDays(1))).isFalse();
        assertThat(new DynamoBriefingLedger(cloud.dynamoDb(), cloud.tableName("BriefingsTable")).find(day)).isEmpty();
    }
}

package com.alphacast.aws.trading;

import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.briefing.SessionTrade;
import com.alphacast.core.usecase.briefing.TradeHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The positions of a period from PositionsTable, through its {@code ByStatus} index (status, openedAt): one query
 * per status over the opening times, so a day's trades are read without scanning the table.
 */
public final class DynamoTradeHistory implements TradeHistory {

    private final DynamoDbClient db;
    private final String positionsTable;

    public DynamoTradeHistory(DynamoDbClient db, String positionsTable) {
        this.db = db;
        this.positionsTable = positionsTable;
    }

    @Override
    public List<SessionTrade> openedBetween(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        List<SessionTrade> trades = new ArrayList<>();
        for (String status : List.of("OPEN", "CLOSED")) {
            for (Map<String, AttributeValue> item : opened(status, from, to)) {
                Position position = DynamoTradingLedger.toPosition(item);
                // openedAt is Instant.toString(), whose width varies with the fraction ("…:00Z" sorts after
                // "…:00.5Z"): the query reads a second either side and the exact bounds are applied here.
                if (position.openedAt().isBefore(from) || !position.openedAt().isBefore(to)) {
                    continue;
                }
                if (status.equals("OPEN")) {
                    trades.add(new SessionTrade(position, Optional.empty(), 0));
                } else {
                    PositionExit exit = new PositionExit(position.signalId(),
                            ExitReason.valueOf(AttributeValues.string(item, "exitReason")),
                            AttributeValues.doubleValue(item, "exitPrice"),
                            Instant.parse(AttributeValues.string(item, "exitTime")));
                    trades.add(new SessionTrade(position, Optional.of(exit),
                            AttributeValues.doubleValue(item, "realizedPnl")));
                }
            }
        }
        trades.sort(Comparator.comparing((SessionTrade t) -> t.position().openedAt())
                .thenComparing(t -> t.position().signalId()));
        return trades;
    }

    private Iterable<Map<String, AttributeValue>> opened(String status, Instant from, Instant to) {
        return db.queryPaginator(QueryRequest.builder().tableName(positionsTable).indexName("ByStatus")
                .keyConditionExpression("#st = :status AND openedAt BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":status", s(status),
                        ":from", s(from.minusSeconds(1).toString()), ":to", s(to.plusSeconds(1).toString())))
                .build()).items();
    }
}

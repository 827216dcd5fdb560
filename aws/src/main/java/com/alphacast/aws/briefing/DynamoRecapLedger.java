package com.alphacast.aws.briefing;

import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.core.publication.Publication;
import com.alphacast.core.usecase.briefing.RecapLedger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The released daily recaps, in BriefingsTable beside the briefings: one item per day keyed
 * {@code recap:<session>} (a briefing's key is the bare date, so the two never meet), holding the figures that went
 * out.
 */
public final class DynamoRecapLedger implements RecapLedger {

    private final DynamoDbClient db;
    private final String table;

    public DynamoRecapLedger(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    static String key(LocalDate session) {
        return "recap:" + session;
    }

    @Override
    public boolean released(LocalDate session) {
        Map<String, AttributeValue> item = db.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("session", s(key(session))))).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public void markReleased(Publication.DailyRecap recap) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("session", s(key(recap.session())));
        item.put("publicationId", s(recap.id()));
        item.put("writtenAt", s(recap.at().toString()));
        item.put("trades", n(recap.trades()));
        item.put("wins", n(recap.wins()));
        item.put("netPoints", n(recap.netPoints()));
        item.put("netPnl", n(recap.netPnl()));
        db.putItem(r -> r.tableName(table).item(item));
    }
}

package com.alphacast.functions.chat;

import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.bots.command.data.SignalHistory;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.settings.DistributionSettings;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.signal.Signal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * /signals from the signals table: the latest approvals (index {@code ApprovalsByTime}) whose release to the
 * caller's tier is due, i.e. approved at least that tier's delay ago. The risk check releases each tier with
 * its delay after the decision, so a basic subscriber never reads here what the basic tier has not been sent.
 */
public final class DynamoSignalHistory implements SignalHistory {

    private final DynamoDbClient db;
    private final String signalsTable;
    private final DistributionSettings distribution;
    private final JsonCodec json;
    private final Clock clock;

    public DynamoSignalHistory(DynamoDbClient db, String signalsTable, DistributionSettings distribution, JsonCodec json,
                               Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.signalsTable = Objects.requireNonNull(signalsTable, "signalsTable");
        this.distribution = Objects.requireNonNull(distribution, "distribution");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Signal> recent(Tier tier, int count) {
        if (count <= 0) {
            return List.of();
        }
        TierPolicy policy = distribution.tiers().get(tier);
        if (policy == null) {
            // A tier the profile does not distribute to has been sent nothing.
            return List.of();
        }
        long releasedBefore = clock.instant().minusSeconds(policy.delaySeconds()).toEpochMilli();
        List<Signal> signals = new ArrayList<>();
        for (Map<String, AttributeValue> item : db.query(QueryRequest.builder().tableName(signalsTable)
                .indexName("ApprovalsByTime")
                .keyConditionExpression("#feed = :approved AND approvedAt <= :released")
                .expressionAttributeNames(Map.of("#feed", DynamoRiskLedger.APPROVAL_FEED))
                .expressionAttributeValues(Map.of(":approved", s(DynamoRiskLedger.APPROVED), ":released", n(releasedBefore)))
                .scanIndexForward(false)
                .limit(count)
                .build()).items()) {
            signals.add(json.read(AttributeValues.string(item, "signal"), Signal.class));
        }
        return signals;
    }
}

package com.alphacast.functions.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.risk.RiskLimits;
import com.alphacast.core.settings.DistributionSettings;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chat desk's stores on the tables template.yaml declares (InboundRequestsTable, SignalsTable). */
class ChatDeskTablesTest {

    /**
     * The stores' time, kept ahead of the wall clock: the local DynamoDB treats an item whose TTL passed by the wall
     * clock as gone (as DynamoDB's TTL eventually does), so codes and request keys stamped in the past would vanish
     * before the stores' own expiry, tested here on this clock, is reached. (It was today's date, 2026-12-02 15:00, and
     * failed from 15:01 on.)
     */
    private static final Instant NOW = Instant.parse("2099-06-01T15:00:00Z");

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .withoutFunctions()
            .build();

    private static Signal signal(String id, Instant marketTime) {
        return new Signal(id, "volume-spike", "ES", "ESZ6", Direction.LONG, 6050.25, 6048.0, 6055.0, 1, 0.7,
                "volume 3x", marketTime, marketTime);
    }

    @Test
    void basicSubscriberSeesOnlySignalsWhoseBasicDelayHasPassed(LocalCloud cloud) {
        JsonCodec json = new JsonCodec();
        DynamoRiskLedger ledger = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), json);
        RiskLimits roomy = new RiskLimits(100, 100, 5, 1.5, 300);
        LocalDate day = LocalDate.parse("2026-12-02");
        // Approved 20 min, 10 min and 1 min ago; one rejected 30 min ago (never released to anyone).
        ledger.commit(signal("history:a", NOW.minusSeconds(1200)), day, RiskDecision.approve("history:a", NOW.minusSeconds(1200)), roomy, List.of());
        ledger.commit(signal("history:b", NOW.minusSeconds(600)), day, RiskDecision.approve("history:b", NOW.minusSeconds(600)), roomy, List.of());
        ledger.commit(signal("history:c", NOW.minusSeconds(60)), day, RiskDecision.approve("history:c", NOW.minusSeconds(60)), roomy, List.of());
        ledger.commit(signal("history:r", NOW.minusSeconds(1800)), day,
                new RiskDecision("history:r", false, List.of("kill switch engaged: test"), NOW.minusSeconds(1800)), roomy, List.of());
        DistributionSettings distribution = new DistributionSettings(".alphacast/outbox", Map.of(
                Tier.PREMIUM, new TierPolicy(0, Map.of(Channel.TELEGRAM, List.of("-1001"))),
                Tier.BASIC, new TierPolicy(300, Map.of(Channel.TELEGRAM, List.of("-1002"))),
                Tier.FREE, new TierPolicy(900, Map.of(Channel.TELEGRAM, List.of("-1003")))), Map.of());
        DynamoSignalHistory history = new DynamoSignalHistory(cloud.dynamoDb(), cloud.tableName("SignalsTable"), distribution,
                json, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(history.recent(Tier.PREMIUM, 10)).extracting(Signal::id).containsExactly("history:c", "history:b", "history:a");
        assertThat(history.recent(Tier.BASIC, 10)).extracting(Signal::id).containsExactly("history:b", "history:a");
        assertThat(history.recent(Tier.FREE, 10)).extracting(Signal::id).containsExactly("history:a");
        assertThat(history.recent(Tier.PREMIUM, 2)).extracting(Signal::id).containsExactly("history:c", "history:b");
    }

    @Test
    void confirmationCodeIsConsumedOnceAndOnlyBeforeItExpires(LocalCloud cloud) {
        DynamoPendingConfirmations codes = new DynamoPendingConfirmations(cloud.dynamoDb(), cloud.tableName("InboundRequestsTable"));
        codes.issue("telegram:1", "123456", NOW.plusSeconds(60));

        assertThat(codes.consume("telegram:1", "654321", NOW)).isFalse();
        assertThat(codes.consume("telegram:2", "123456", NOW)).isFalse();
        assertThat(codes.consume("telegram:1", "123456", NOW)).isTrue();
        assertThat(codes.consume("telegram:1", "123456", NOW)).isFalse();

        codes.issue("telegram:1", "111111", NOW.plusSeconds(60));
        codes.issue("telegram:1", "222222", NOW.plusSeconds(60));
        assertThat(codes.consume("telegram:1", "111111", NOW)).as("replaced by the later code").isFalse();
        assertThat(codes.consume("telegram:1", "222222", NOW.plusSeconds(61))).as("expired").isFalse();
    }

    @Test
    void requestKeyIsSeenFirstOnceUntilItsRetentionPassed(LocalCloud cloud) {
        MutableClock clock = new MutableClock(NOW);
        DynamoSeenRequests seen = new DynamoSeenRequests(cloud.dynamoDb(), cloud.tableName("InboundRequestsTable"),
                Duration.ofMinutes(10), clock);

        assertThat(seen.firstSighting("telegram:update:77")).isTrue();
        assertThat(seen.firstSighting("telegram:update:77")).isFalse();
        assertThat(seen.firstSighting("telegram:update:78")).isTrue();
        clock.now = NOW.plus(Duration.ofMinutes(9));
        assertThat(seen.firstSighting("telegram:update:77")).isFalse();
        // DynamoDB's TTL deletes late; a record past its expiry no longer counts.
        clock.now = NOW.plus(Duration.ofMinutes(11));
        assertThat(seen.firstSighting("telegram:update:77")).isTrue();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

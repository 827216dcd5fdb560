package com.alphacast.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.distribution.DeliveryRecord;
import com.alphacast.aws.distribution.DeliveryTimes;
import com.alphacast.core.latency.QueueArrival;
import com.alphacast.core.latency.SignalPath;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PremiumPathsTest {

    private static final Instant T = Instant.parse("2026-12-02T12:00:00Z");

    private static RecordedDecision approved(String id) {
        Signal signal = new Signal(id, "volume-spike", "ES", "ESU1", Direction.SHORT, 1304.0, 1305.0, 1302.0, 1, 0.8,
                "spike", Instant.parse("2011-07-31T22:00:22Z"), T);
        return new RecordedDecision(signal, LocalDate.parse("2011-08-01"), RiskDecision.approve(id, T.plusMillis(30)),
                Set.of());
    }

    private static DeliveryRecord delivery(String signalId, String tier, String channel, long sentMs,
                                           Optional<Long> completedMs) {
        DeliveryTimes times = new DeliveryTimes(Optional.of(T.plusMillis(sentMs)), Optional.of(T.plusMillis(sentMs + 5)),
                T.plusMillis(sentMs + 10), completedMs.map(T::plusMillis));
        return new DeliveryRecord(signalId + "|" + tier + "|" + channel, signalId, "signal", signalId, tier, channel,
                "dest", completedMs.isPresent() ? "SENT" : "SENDING", "", completedMs.orElse(-1L), times);
    }

    @Test
    void signalCountsOnceByItsPremiumDeliveryCompletedLast() {
        Map<String, QueueArrival> arrivals = Map.of("a", new QueueArrival(T.plusMillis(3), T.plusMillis(10)));
        List<DeliveryRecord> deliveries = List.of(
                delivery("a", "premium", "telegram", 40, Optional.of(60L)),
                delivery("a", "premium", "discord", 40, Optional.of(75L)),
                delivery("a", "basic", "telegram", 1040, Optional.of(1060L)));

        PremiumPaths premium = PremiumPaths.of(List.of(approved("a")), arrivals, deliveries);

        assertThat(premium.incomplete()).isZero();
        assertThat(premium.paths()).singleElement().satisfies(path -> {
            assertThat(path.total().toMillis()).isEqualTo(75);
            assertThat(path.hop(SignalPath.Hop.SIGNALS_QUEUE).toMillis()).isEqualTo(7);
            assertThat(path.hop(SignalPath.Hop.SINK).toMillis()).isEqualTo(25);
        });
    }

    @Test
    void signalWithAPremiumDeliveryNotCompletedOrWithoutQueueStampsIsCountedIncomplete() {
        Map<String, QueueArrival> arrivals = Map.of("a", new QueueArrival(T.plusMillis(3), T.plusMillis(10)));
        List<DeliveryRecord> deliveries = List.of(
                delivery("a", "premium", "telegram", 40, Optional.of(60L)),
                delivery("a", "premium", "discord", 40, Optional.empty()),
                delivery("b", "premium", "telegram", 40, Optional.of(60L)));

        PremiumPaths premium = PremiumPaths.of(List.of(approved("a"), approved("b")), arrivals, deliveries);

        assertThat(premium.paths()).isEmpty();
        assertThat(premium.incomplete()).isEqualTo(2);
    }
}

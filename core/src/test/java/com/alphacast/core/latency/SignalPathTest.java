package com.alphacast.core.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignalPathTest {

    private static final Instant T = Instant.parse("2026-12-02T12:00:00.000Z");

    private static SignalPath path(long... offsetsMillis) {
        Instant[] at = new Instant[offsetsMillis.length];
        for (int i = 0; i < at.length; i++) {
            at[i] = T.plusMillis(offsetsMillis[i]);
        }
        return new SignalPath("volume-spike:ESU1:1", at[0], at[1], at[2], at[3], at[4], at[5], at[6], at[7]);
    }

    @Test
    void hopsAreTheGapsBetweenConsecutiveStampsAndAddUpToTheTotal() {
        SignalPath path = path(0, 3, 10, 25, 31, 40, 42, 50);

        assertThat(path.hops()).containsExactly(Duration.ofMillis(3), Duration.ofMillis(7), Duration.ofMillis(15),
                Duration.ofMillis(6), Duration.ofMillis(9), Duration.ofMillis(2), Duration.ofMillis(8));
        assertThat(path.hop(SignalPath.Hop.RISK_CHECK)).isEqualTo(Duration.ofMillis(15));
        assertThat(path.hops().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(path.total());
        assertThat(path.total()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void stampBeforeThePreviousOneIsOutOfOrderBeyondTheTolerance() {
        // SQS stamps are whole milliseconds: "sent" may read just before the worker's sub-millisecond observation.
        SignalPath truncated = new SignalPath("s", T.plusNanos(700_000), T, T.plusMillis(1), T.plusMillis(2),
                T.plusMillis(3), T.plusMillis(4), T.plusMillis(5), T.plusMillis(6));
        SignalPath backwards = path(0, 3, 10, 25, 20, 40, 42, 50);

        assertThat(truncated.inOrder(1)).isTrue();
        assertThat(path(0, 3, 10, 25, 31, 40, 42, 50).inOrder(0)).isTrue();
        assertThat(backwards.inOrder(1)).isFalse();
    }

    @Test
    void rejectsDeliveryBeforeTheMarketEventWasObserved() {
        assertThatThrownBy(() -> path(10, 11, 12, 13, 14, 15, 16, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before it was observed");
    }
}

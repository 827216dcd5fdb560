package com.alphacast.bots.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.bots.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemorySeenRequestsTest {

    private final ManualTime time = new ManualTime();

    @Test
    void aKeyIsFreshOnceAndARepeatInsideRetentionIsNot() {
        InMemorySeenRequests seen = new InMemorySeenRequests(Duration.ofMinutes(10), 100, time);
        assertThat(seen.firstSighting("discord:interaction:1")).isTrue();
        time.advance(Duration.ofMinutes(9));
        assertThat(seen.firstSighting("discord:interaction:1")).isFalse();
        assertThat(seen.firstSighting("discord:interaction:2")).isTrue();
    }

    @Test
    void forgetsAKeyOnceRetentionHasPassed() {
        InMemorySeenRequests seen = new InMemorySeenRequests(Duration.ofMinutes(10), 100, time);
        seen.firstSighting("telegram:update:7");
        time.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(seen.size()).isZero();
        assertThat(seen.firstSighting("telegram:update:7")).isTrue();
    }

    @Test
    void memoryStaysWithinCapacityDroppingTheOldestKey() {
        InMemorySeenRequests seen = new InMemorySeenRequests(Duration.ofHours(1), 3, time);
        for (int i = 0; i < 10; i++) {
            seen.firstSighting("k" + i);
        }
        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.firstSighting("k9")).isFalse();
        assertThat(seen.firstSighting("k0")).as("dropped to stay within capacity").isTrue();
    }

    @Test
    void concurrentSightingsOfOneKeyLetExactlyOneThrough() throws Exception {
        InMemorySeenRequests seen = new InMemorySeenRequests(Duration.ofMinutes(10), 10_000, time);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                String key = "telegram:update:" + round;
                CountDownLatch start = new CountDownLatch(1);
                AtomicInteger first = new AtomicInteger();
                List<Future<?>> racers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    racers.add(pool.submit((Callable<Void>) () -> {
                        start.await();
                        if (seen.firstSighting(key)) {
                            first.incrementAndGet();
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> racer : racers) {
                    racer.get(5, TimeUnit.SECONDS);
                }
                assertThat(first).as(key).hasValue(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesUselessSettings() {
        assertThatThrownBy(() -> new InMemorySeenRequests(Duration.ZERO, 10, time)).hasMessageContaining("retention");
        assertThatThrownBy(() -> new InMemorySeenRequests(Duration.ofMinutes(1), 0, time)).hasMessageContaining("capacity");
    }
}

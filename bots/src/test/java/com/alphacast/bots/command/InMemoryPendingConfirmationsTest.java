package com.alphacast.bots.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryPendingConfirmationsTest {

    private final InMemoryPendingConfirmations confirmations = new InMemoryPendingConfirmations();
    private final Instant issued = Instant.parse("2026-11-20T14:30:00Z");

    @Test
    void aCodeIsGoodUntilItsExpiryInclusiveAndOnlyOnce() {
        confirmations.issue("telegram:1", "123456", issued.plusSeconds(60));
        assertThat(confirmations.consume("telegram:1", "654321", issued)).isFalse();
        assertThat(confirmations.consume("telegram:2", "123456", issued)).as("someone else's code").isFalse();
        assertThat(confirmations.consume("telegram:1", "123456", issued.plusSeconds(60))).isTrue();
        assertThat(confirmations.consume("telegram:1", "123456", issued.plusSeconds(60))).isFalse();
    }

    @Test
    void anExpiredCodeIsDroppedAndANewIssueReplacesTheOld() {
        confirmations.issue("telegram:1", "111111", issued.plusSeconds(60));
        assertThat(confirmations.consume("telegram:1", "111111", issued.plusSeconds(61))).isFalse();
        confirmations.issue("telegram:1", "222222", issued.plusSeconds(60));
        confirmations.issue("telegram:1", "333333", issued.plusSeconds(120));
        assertThat(confirmations.consume("telegram:1", "222222", issued)).isFalse();
        assertThat(confirmations.consume("telegram:1", "333333", issued)).isTrue();
    }

    @Test
    void concurrentConfirmationsOfOneCodeSucceedOnce() throws Exception {
        confirmations.issue("telegram:1", "123456", issued.plusSeconds(60));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return confirmations.consume("telegram:1", "123456", issued);
            }));
        }
        start.countDown();
        int successes = 0;
        for (Future<Boolean> result : results) {
            successes += result.get(5, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdownNow();
        assertThat(successes).isEqualTo(1);
    }
}

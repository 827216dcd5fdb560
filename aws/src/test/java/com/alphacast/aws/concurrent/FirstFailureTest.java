package com.alphacast.aws.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FirstFailureTest {

    @Test
    void keepsTheFirstFailureWithTheLaterOnesSuppressedAndNeverItself() {
        IllegalStateException first = new IllegalStateException("table unreachable");
        IllegalStateException second = new IllegalStateException("queue unreachable");

        assertThat(FirstFailure.keep(null, first)).isSameAs(first);
        assertThat(FirstFailure.keep(first, second)).isSameAs(first);
        assertThat(FirstFailure.keep(first, first)).isSameAs(first);
        assertThat(FirstFailure.keep(first, null)).isSameAs(first);
        assertThat(first.getSuppressed()).containsExactly(second);
    }

    @Test
    void tellsHowAFutureFailedAsRaised() {
        OutOfMemoryError raised = new OutOfMemoryError("no room");
        CompletableFuture<String> failed = CompletableFuture.supplyAsync(() -> {
            throw raised;
        });
        failed.exceptionally(ignored -> null).join();

        assertThat(FirstFailure.of(failed)).isSameAs(raised);
        assertThat(FirstFailure.of(CompletableFuture.completedFuture("sent"))).isNull();
    }
}

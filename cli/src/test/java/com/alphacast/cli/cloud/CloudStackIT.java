package com.alphacast.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * What {@code cloud up}'s shutdown hook does, in this JVM where threads can be counted: closing the stack releases
 * whoever waits for it, closes both ports and leaves no non-daemon thread. Isolated because it counts threads.
 */
@Isolated
class CloudStackIT {

    @TempDir
    Path home;

    @Test
    void stoppingReleasesTheWaiterClosesThePortsAndLeavesNoThreadRunning() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        int base = StackHome.freePortBase();
        CloudUpOptions options = new CloudUpOptions(base, Optional.empty(), "demo", StackHome.copyInto(home));
        CloudStack stack = CloudStack.start(options, Map.of(), (function, line) -> { });
        assertThat(stack.cloud().dynamoDb().listTables().tableNames()).contains("alphacast-SignalsTable");
        assertThat(PortProbe.isFree(base)).isFalse();
        assertThat(PortProbe.isFree(base + 1)).isFalse();
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            try {
                stack.awaitStopped();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        stack.close();
        stack.close();  // the hook and an interrupted main thread may both close it

        waiter.get(5, TimeUnit.SECONDS);
        assertThat(PortProbe.isFree(base)).as("DynamoDB port closed").isTrue();
        assertThat(PortProbe.isFree(base + 1)).as("SQS port closed").isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> lingering;
        do {
            lingering = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
                    .map(Thread::getName).toList();
            if (lingering.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertThat(lingering).as("non-daemon threads left behind").isEmpty();
    }
}

package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A local cloud started on its own (as the launcher does) ends cleanly: no server port open, no thread left.
 * Isolated because it counts the JVM's threads.
 */
@Isolated
class LocalCloudLifecycleTest {

    @Test
    void closingAStandaloneCloudStopsItsServersAndLeavesNoThreadRunning() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        LocalCloud cloud = LocalCloud.start(LocalCloudOptions.forTemplate(TestTemplates.runnerStack())
                .stackName("standalone").functionLog((f, l) -> { })
                .loadHandlersFrom(LocalCloudLifecycleTest.class.getClassLoader()).build());
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("WorkQueue")).messageBody("{\"id\":\"standalone\"}"));
        cloud.awaitIdle(Duration.ofSeconds(20));
        assertThat(cloud.functionStats("WorkFunction").records()).isEqualTo(1);
        int dynamoDbPort = cloud.dynamoDbEndpoint().getPort();
        int sqsPort = cloud.sqsEndpoint().getPort();

        cloud.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", dynamoDbPort).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> new Socket("127.0.0.1", sqsPort).close()).isInstanceOf(ConnectException.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> lingering;
        do {
            lingering = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
                    .map(Thread::getName)
                    .toList();
            if (lingering.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertThat(lingering).as("non-daemon threads left behind").isEmpty();
    }
}

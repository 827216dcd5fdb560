package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.localcloud.testing.RehearsalProbeHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The runtime's side of an invocation run ahead of traffic for a SnapStart function (templates/rehearsal-stack.yaml):
 * the event read from JSON and the result written, as many rounds as the warm-up asks in the first execution environment
 * and once in the other one its mapping runs at once, without calling the handler.
 */
@ResourceLock("RehearsalProbeHandler")
class RuntimeRehearsalTest {

    private final List<String> functionLog = new CopyOnWriteArrayList<>();

    private LocalCloudOptions.Builder stack() {
        return LocalCloudOptions.forTemplate(TestTemplates.path("rehearsal-stack.yaml"))
                .loadHandlersFrom(RuntimeRehearsalTest.class.getClassLoader())
                .functionLog((function, line) -> functionLog.add(function + ": " + line));
    }

    @BeforeEach
    void resetProbe() {
        RehearsalProbeHandler.reset();
    }

    @Test
    void readsTheEventAndWritesTheResultOfASnapStartFunctionWithoutCallingItsHandler() {
        try (LocalCloud cloud = LocalCloud.start(stack().warmUpRounds(4).build())) {
            // Four rounds in the first environment, one in the second (each has its own serializers).
            assertThat(RehearsalProbeHandler.EVENTS_READ).hasValue(5);
            assertThat(RehearsalProbeHandler.RESULTS_WRITTEN).hasValue(5);
            assertThat(RehearsalProbeHandler.CALLS).hasValue(0);
            assertThat(cloud.functionStats("ProbeFunction").invocations()).isZero();
            assertThat(functionLog).isEmpty();

            cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("ProbeQueue")).messageBody("{\"id\":\"first\"}"));
            cloud.awaitIdle(Duration.ofSeconds(20));

            assertThat(RehearsalProbeHandler.CALLS).hasValue(1);
            assertThat(cloud.functionStats("ProbeFunction").invocations()).isEqualTo(1);
        }
    }

    @Test
    void leavesTheRuntimeToTheFirstEventWithoutAWarmUp() {
        try (LocalCloud cloud = LocalCloud.start(stack().build())) {
            assertThat(RehearsalProbeHandler.EVENTS_READ).hasValue(0);
            assertThat(RehearsalProbeHandler.RESULTS_WRITTEN).hasValue(0);
        }
    }
}

package com.alphacast.worker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestWorkerWiringTest {

    private static final String ROOT = System.getProperty("alphacast.project.root", "..");

    @Test
    void refusesToStartReplayWithoutTheSignalsQueueNamingTheVariable() {
        Map<String, String> env = demoEnvironment(Map.of());
        try (IngestWorker worker = IngestWorker.start(env)) {
            assertThatThrownBy(worker::replay).hasStackTraceContaining("environment variable SIGNALS_QUEUE_URL is not set");
        }
    }

    @Test
    void refusesToReplayToAStandardSignalsQueueSinceDecisionsMustComeInOrder() {
        Map<String, String> env = demoEnvironment(
                Map.of("SIGNALS_QUEUE_URL", "http://127.0.0.1:9/000000000000/signals"));
        try (IngestWorker worker = IngestWorker.start(env)) {
            assertThatThrownBy(worker::replay).hasStackTraceContaining("is not a FIFO queue");
        }
    }

    @Test
    void refusesToGoLiveWithoutTheControlTableItsFeedStatusRecordsGoTo() {
        Map<String, String> env = demoEnvironment(
                Map.of("SIGNALS_QUEUE_URL", "http://127.0.0.1:9/000000000000/signals.fifo"));
        try (IngestWorker worker = IngestWorker.start(env)) {
            assertThatThrownBy(worker::live).hasStackTraceContaining("environment variable CONTROL_TABLE is not set");
        }
    }

    @Test
    void refusesAnInvalidProfileNamingTheFileAndKey() {
        Map<String, String> env = Map.of(
                "ALPHACAST_PROFILE", "nonexistent",
                "ALPHACAST_CONFIG_DIR", Path.of(ROOT, "config").toString());
        try (IngestWorker worker = IngestWorker.start(env)) {
            assertThatThrownBy(worker::replay).hasStackTraceContaining("nonexistent.yaml: no such settings file");
        }
    }

    /** The demo profile's worker environment on dummy endpoints, with {@code more} added. */
    private static Map<String, String> demoEnvironment(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "ALPHACAST_PROFILE", "demo",
                "ALPHACAST_CONFIG_DIR", Path.of(ROOT, "config").toString(),
                "ALPHACAST_HOME", ROOT,
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "MARKET_SNAPSHOTS_TABLE", "snapshots",
                "REJECTED_SIGNALS_TABLE", "rejected",
                "MARKET_BARS_QUEUE_URL", "http://127.0.0.1:9/000000000000/bars"));
        env.putAll(more);
        return env;
    }
}

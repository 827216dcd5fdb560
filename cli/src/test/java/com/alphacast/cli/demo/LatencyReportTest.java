package com.alphacast.cli.demo;

import com.alphacast.core.latency.SignalPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyReportTest {

    private static final Instant T = Instant.parse("2011-07-31T22:00:00Z");

    /** A path whose hops are all spent in the signals queue: observed at {@code atSecond}, delivered totalMs later. */
    private static SignalPath path(String id, int atSecond, long totalMs) {
        Instant observed = T.plusSeconds(atSecond);
        Instant received = observed.plusMillis(totalMs);
        return new SignalPath(id, observed, observed, received, received, received, received, received, received);
    }

    private static String report(List<SignalPath> paths) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new LatencyReport(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .print(new PremiumPaths(paths, 0), 100, Duration.ofSeconds(70));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void separatesTheSlowFirstSecondsFromTheSteadyStateByWhenEachSignalWasObserved() {
        List<SignalPath> paths = new ArrayList<>();
        paths.add(path("cold-1", 0, 7_000));
        paths.add(path("cold-2", 10, 5_000));
        paths.add(path("cold-3", 20, 3_000));
        for (int k = 0; k < 4; k++) {
            paths.add(path("warm-" + k, 30 + 10 * k, 100 + k));
        }

        String out = report(paths);

        assertThat(out).contains("total by when the signal was observed, every 30 s of replay:");
        assertThat(out).containsPattern("0-30 s\\s+5000\\s+7000\\s+7000\\s+3 signals");
        assertThat(out).containsPattern("30-60 s\\s+101\\s+102\\s+102\\s+3 signals");
        assertThat(out).containsPattern("60-90 s\\s+103\\s+103\\s+103\\s+1 signal\\b");
        assertThat(out).containsPattern("total\\s+103\\s+7000\\s+7000");
    }
}

package com.alphacast.cli.demo;

import com.alphacast.core.latency.SignalPath;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints market event -> premium delivery: the rate signals arrived at, the throughput, p50 / p99 / max of the
 * whole and of every hop ({@link SignalPath.Hop}).
 */
final class LatencyReport {

    /** How many of the slowest signals are listed hop by hop, to show where the tail's time went. */
    private static final int SLOWEST = 5;
    /**
     * The total is also given per this much replay time, by when each signal was observed: it tells the cold
     * functions' and JIT's first seconds from the steady state, which the overall p99 mixes.
     */
    static final Duration PHASE = Duration.ofSeconds(30);

    private final PrintStream out;

    LatencyReport(PrintStream out) {
        this.out = out;
    }

    void print(PremiumPaths premium, long bars, Duration feedElapsed) {
        List<SignalPath> paths = premium.paths();
        out.println();
        out.printf(Locale.ROOT, "== Market event -> premium delivery, per hop (%d signals with every stamp on record, "
                + "%d without)%n", paths.size(), premium.incomplete());
        if (paths.isEmpty()) {
            return;
        }
        Instant firstObserved = paths.stream().map(SignalPath::observed).min(Comparator.naturalOrder()).orElseThrow();
        Instant lastObserved = paths.stream().map(SignalPath::observed).max(Comparator.naturalOrder()).orElseThrow();
        Instant lastDelivered = paths.stream().map(SignalPath::delivered).max(Comparator.naturalOrder()).orElseThrow();
        double arrivalSeconds = Duration.between(firstObserved, lastObserved).toMillis() / 1000.0;
        double throughputSeconds = Duration.between(firstObserved, lastDelivered).toMillis() / 1000.0;
        out.printf(Locale.ROOT, "  offered: %d signals in %.1f s of replay (%.2f signals/s), with %d bars in %.1f s "
                        + "(%.1f bars/s)%n", paths.size(), arrivalSeconds, perSecond(paths.size() - 1, arrivalSeconds),
                bars, feedElapsed.toMillis() / 1000.0, perSecond(bars, feedElapsed.toMillis() / 1000.0));
        out.printf(Locale.ROOT, "  delivered: the last %.1f s after the first signal (throughput %.2f signals/s)%n",
                throughputSeconds, perSecond(paths.size(), throughputSeconds));
        out.printf(Locale.ROOT, "  %-17s %9s %9s %9s   %s%n", "", "p50 ms", "p99 ms", "max ms", "");
        row("total", paths, SignalPath::total, "market event reached the worker -> premium delivery accepted");
        for (SignalPath.Hop hop : SignalPath.Hop.values()) {
            row(hop.label(), paths, path -> path.hop(hop), hop.meaning());
        }
        out.printf(Locale.ROOT, "  total by when the signal was observed, every %d s of replay:%n", PHASE.toSeconds());
        Map<Long, List<SignalPath>> byPhase = new TreeMap<>(paths.stream().collect(Collectors.groupingBy(
                path -> Duration.between(firstObserved, path.observed()).toMillis() / PHASE.toMillis())));
        byPhase.forEach((phase, inPhase) -> row(String.format(Locale.ROOT, "  %d-%d s", phase * PHASE.toSeconds(),
                        (phase + 1) * PHASE.toSeconds()), inPhase, SignalPath::total,
                inPhase.size() + (inPhase.size() == 1 ? " signal" : " signals")));
        out.printf(Locale.ROOT, "  slowest %d (ms: %s):%n", Math.min(SLOWEST, paths.size()),
                String.join(" / ", Arrays.stream(SignalPath.Hop.values()).map(SignalPath.Hop::label).toList()));
        paths.stream().sorted(Comparator.comparing(SignalPath::total).reversed()).limit(SLOWEST).forEach(path ->
                out.printf(Locale.ROOT, "    %-44s %6d = %s  (%.1f s into the replay)%n", path.signalId(),
                        path.total().toMillis(), String.join(" + ", path.hops().stream()
                                .map(d -> Long.toString(d.toMillis())).toList()),
                        Duration.between(firstObserved, path.observed()).toMillis() / 1000.0));
    }

    private void row(String label, List<SignalPath> paths, Function<SignalPath, Duration> measure, String meaning) {
        List<Long> sorted = paths.stream().map(measure).map(Duration::toMillis).sorted().toList();
        out.printf(Locale.ROOT, "  %-17s %9d %9d %9d   %s%n", label, Percentiles.of(sorted, 50),
                Percentiles.of(sorted, 99), sorted.get(sorted.size() - 1), meaning);
    }

    private static double perSecond(long count, double seconds) {
        return seconds > 0 ? count / seconds : 0;
    }
}

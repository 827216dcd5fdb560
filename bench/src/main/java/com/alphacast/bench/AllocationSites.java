package com.alphacast.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a benchmark allocates, from a flight recording taken with TLABs off, so that every allocation is one
 * {@code jdk.ObjectAllocationOutsideTLAB} event with its stack (escape analysis still removes what it removes, so what
 * is counted is what the compiled path allocates). Only events whose stack passes through a method named
 * {@code method} count; they are grouped by allocated class and the innermost frames of our code, and printed in
 * bytes per operation ({@code operations}: e.g. passes × trades) with the share of the total.
 * <pre>
 * java -XX:-UseTLAB -XX:StartFlightRecording=filename=alloc.jfr,settings=bench/alloc.jfc -cp ... WorkerReplayCpuTime 20
 * java -cp bench/target/classes com.alphacast.bench.AllocationSites alloc.jfr decodeAndTradeWeekly 1332120
 * </pre>
 */
public final class AllocationSites {

    private static final int OUR_FRAMES = 3;

    private AllocationSites() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: AllocationSites RECORDING.jfr METHOD OPERATIONS");
        }
        Path recording = Path.of(args[0]);
        String method = args[1];
        double operations = Double.parseDouble(args[2]);
        Map<String, long[]> sites = new HashMap<>();
        long total = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ObjectAllocationOutsideTLAB")
                        || event.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                boolean inMethod = false;
                List<String> ours = new ArrayList<>();
                for (RecordedFrame frame : frames) {
                    String name = frame.getMethod().getName();
                    String type = frame.getMethod().getType().getName();
                    inMethod |= name.equals(method);
                    if (type.startsWith("com.alphacast.") && ours.size() < OUR_FRAMES) {
                        ours.add(type.substring(type.lastIndexOf('.') + 1) + "." + name);
                    }
                }
                if (!inMethod) {
                    continue;
                }
                long bytes = event.getLong("allocationSize");
                String key = event.getClass("objectClass").getName() + "  at  " + String.join(" < ", ours);
                long[] site = sites.computeIfAbsent(key, k -> new long[2]);
                site[0] += bytes;
                site[1]++;
                total += bytes;
            }
        }
        System.out.printf(Locale.ROOT, "%s in %s: %,d bytes, %.3f B per operation%n", recording, method, total,
                total / operations);
        long all = total;
        sites.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(40)
                .forEach(e -> System.out.printf(Locale.ROOT, "%8.3f B/op %5.1f%% %8d x  %s%n",
                        e.getValue()[0] / operations, 100.0 * e.getValue()[0] / all, e.getValue()[1], e.getKey()));
    }
}

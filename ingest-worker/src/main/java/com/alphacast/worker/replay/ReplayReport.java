package com.alphacast.worker.replay;

import java.time.Duration;
import java.util.List;

/**
 * What a replay did.
 *
 * @param source         the replayed file
 * @param events         trades replayed
 * @param malformedLines lines skipped because they could not be read
 * @param malformed      the first few malformed lines, each with its line number and problem
 * @param bars           bars closed
 * @param signals        candidate signals sent
 * @param elapsed        wall-clock duration
 */
public record ReplayReport(String source, long events, long malformedLines, List<String> malformed, long bars,
                           long signals, Duration elapsed) {
}

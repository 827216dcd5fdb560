package com.alphacast.worker.replay;

import com.alphacast.worker.io.IoStatus;
import java.time.Duration;
import java.util.List;

/**
 * What a replay did.
 *
 * @param source         the replayed file
 * @param events         market events replayed
 * @param malformedLines lines skipped because they could not be read
 * @param malformed      the first few malformed lines, each with its line number and problem
 * @param bars           bars closed
 * @param signals        candidate signals handed to the I/O executor
 * @param heldBack       candidates that lost a strategy conflict (recorded, not sent)
 * @param feedElapsed    wall-clock time from the first event to the end of the feed (analytics included)
 * @param elapsed        wall-clock time until every write was done
 * @param io             the I/O executor's back-pressure and progress at the end
 */
public record ReplayReport(String source, long events, long malformedLines, List<String> malformed, long bars,
                           long signals, long heldBack, Duration feedElapsed, Duration elapsed, IoStatus io) {

    public ReplayReport {
        malformed = List.copyOf(malformed);
    }
}

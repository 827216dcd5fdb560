package com.alphacast.worker.replay;

import java.util.List;

/**
 * What a recorded feed read.
 *
 * @param source         the file
 * @param events         events delivered
 * @param malformedLines lines skipped because they could not be read
 * @param malformed      the first few of them, each with its line number and problem
 */
public record FeedReplayResult(String source, long events, long malformedLines, List<String> malformed) {

    public FeedReplayResult {
        malformed = List.copyOf(malformed);
    }
}

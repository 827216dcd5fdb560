package com.alphacast.worker.replay;

import com.alphacast.core.marketdata.FeedSource;
import java.util.concurrent.CompletableFuture;

/** A {@link FeedSource} that replays a file and ends: {@link #completion()} says when, and what was read. */
public interface RecordedFeed extends FeedSource {

    CompletableFuture<FeedReplayResult> completion();
}

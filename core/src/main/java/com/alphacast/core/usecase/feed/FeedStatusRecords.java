package com.alphacast.core.usecase.feed;

import java.util.List;

/**
 * The operators' read of the feed status board: every instrument's latest status with when it was last written (the
 * control table on AWS). Read-only, for /status; the worker writes through {@link FeedStatusBoard}.
 */
public interface FeedStatusRecords {

    /** The latest record of every instrument on the board, by instrument. */
    List<RecordedFeedStatus> recorded();
}

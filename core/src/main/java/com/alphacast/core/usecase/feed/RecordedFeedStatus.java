package com.alphacast.core.usecase.feed;

import com.alphacast.core.marketdata.FeedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An instrument's feed status as the board holds it, with when it was last written. The worker rewrites each
 * instrument's status on a fixed interval even when nothing changed, so a record not written for longer than a few of
 * those intervals tells of a worker that stopped, whatever health it still shows.
 */
public record RecordedFeedStatus(FeedStatus status, Instant recordedAt) {

    public RecordedFeedStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** How long ago the record was last written, as of {@code now} (zero for a record written "in the future"). */
    public Duration age(Instant now) {
        Duration age = Duration.between(recordedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}

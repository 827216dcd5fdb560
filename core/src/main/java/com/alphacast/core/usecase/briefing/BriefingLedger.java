package com.alphacast.core.usecase.briefing;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One briefing per trading day (BriefingsTable in AWS). {@link #claim} is a conditional write keyed by the
 * session, so of two triggers on the same day (a retry, a manual run, a schedule firing twice) exactly one
 * writes the day's briefing.
 */
public interface BriefingLedger {

    /** The day's briefing, if one was written. */
    Optional<BriefingRecord> find(LocalDate session);

    /** Writes {@code record} unless the session already has a briefing; false when it had one. */
    boolean claim(BriefingRecord record);

    /** Notes that the session's briefing was handed to the distribution queue. */
    void markPublished(LocalDate session);
}

package com.alphacast.feeds.cboe;

import java.time.Instant;
import java.util.Optional;

/**
 * What the poller knows about one target, for status reports and tests.
 *
 * @param instrument            the worker's symbol the chain is delivered for
 * @param url                   the JSON polled
 * @param requests              HTTP requests sent
 * @param chains                chains decoded and delivered
 * @param notModified           304 answers to a conditional request (the last chain is still current)
 * @param httpErrors            answers other than 200 and 304, 429 included
 * @param rateLimited           429 answers (the next poll waits at least their Retry-After)
 * @param malformed             200 answers whose body is not a chain (logged with line and column)
 * @param networkErrors         requests that failed before an answer (refused, reset, timed out)
 * @param outsideSession        polls skipped because the market was closed
 * @param stale                 whether the last poll failed: the instrument's chain is the last good one, or none
 * @param lastProblem           what went wrong last, if anything did
 * @param lastChainAt           when the last good chain arrived (receive time)
 */
public record CboeChainStatus(String instrument, String url, long requests, long chains, long notModified,
                              long httpErrors, long rateLimited, long malformed, long networkErrors,
                              long outsideSession, boolean stale, Optional<String> lastProblem,
                              Optional<Instant> lastChainAt) {
}

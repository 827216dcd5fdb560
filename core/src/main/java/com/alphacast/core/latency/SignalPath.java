package com.alphacast.core.latency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One signal's way from the market event to its premium delivery, as the records along the way stamped it: the
 * signal ({@code observedAt}), SQS (the signal's and the release's {@code SentTimestamp} and
 * {@code ApproximateFirstReceiveTimestamp}), the risk decision ({@code decidedAt}) and the delivery record
 * ({@code claimedAt}, {@code completedAt}, the moment the sink accepted it). Each stamp has one owner; the hops are
 * the differences of consecutive stamps, so they add up to the whole.
 */
public record SignalPath(String signalId, Instant observed, Instant signalSent, Instant signalReceived,
                         Instant decided, Instant releaseSent, Instant releaseReceived, Instant claimed,
                         Instant delivered) {

    /** The hops in path order; {@link #hops()} lists their durations in the same order. */
    public enum Hop {
        WORKER("worker", "market event reached the worker -> signal sent to SignalsQueue"),
        SIGNALS_QUEUE("signals queue", "sent -> first received by the risk check's poller"),
        RISK_CHECK("risk check", "received -> decided (batch order, exit wait, limits)"),
        FORWARD("risk forward", "decided -> premium release sent to DeliveriesQueue (commit, tiers' batch)"),
        DELIVERIES_QUEUE("deliveries queue", "sent -> first received by the distribution's poller"),
        DISTRIBUTION("distribution", "received -> delivery claimed"),
        SINK("sink", "claimed -> accepted by the sink (outbox or platform)");

        private final String label;
        private final String meaning;

        Hop(String label, String meaning) {
            this.label = label;
            this.meaning = meaning;
        }

        public String label() {
            return label;
        }

        public String meaning() {
            return meaning;
        }
    }

    public SignalPath {
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(signalSent, "signalSent");
        Objects.requireNonNull(signalReceived, "signalReceived");
        Objects.requireNonNull(decided, "decided");
        Objects.requireNonNull(releaseSent, "releaseSent");
        Objects.requireNonNull(releaseReceived, "releaseReceived");
        Objects.requireNonNull(claimed, "claimed");
        Objects.requireNonNull(delivered, "delivered");
        if (delivered.isBefore(observed)) {
            throw new IllegalArgumentException("signal " + signalId + " was delivered at " + delivered
                    + ", before it was observed at " + observed);
        }
    }

    /** Market event observed -> the sink accepted the premium delivery. */
    public Duration total() {
        return Duration.between(observed, delivered);
    }

    /** Each hop's duration, in {@link Hop} order. */
    public List<Duration> hops() {
        List<Instant> stamps = stamps();
        return IntStream.range(0, stamps.size() - 1)
                .mapToObj(i -> Duration.between(stamps.get(i), stamps.get(i + 1))).toList();
    }

    public Duration hop(Hop hop) {
        return hops().get(hop.ordinal());
    }

    /**
     * True when every stamp is at or after the one before it. SQS's stamps are millisecond-truncated and the others
     * are not, so a stamp may precede the one before it by less than a millisecond; {@code toleranceMillis} allows
     * for that (and, on AWS, for the skew between SQS's clock and the functions').
     */
    public boolean inOrder(long toleranceMillis) {
        List<Instant> stamps = stamps();
        for (int i = 1; i < stamps.size(); i++) {
            if (Duration.between(stamps.get(i - 1), stamps.get(i)).toMillis() < -toleranceMillis) {
                return false;
            }
        }
        return true;
    }

    private List<Instant> stamps() {
        return List.of(observed, signalSent, signalReceived, decided, releaseSent, releaseReceived, claimed, delivered);
    }
}

package com.alphacast.bots.delivery;

import com.alphacast.bots.ratelimit.Backoff;
import com.alphacast.bots.ratelimit.SendScheduler;
import com.alphacast.bots.ratelimit.Sleeper;
import com.alphacast.bots.render.ChannelRenderer;
import com.alphacast.bots.render.PlatformRequest;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.ChannelSink;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.DeliveryFailedException;
import com.alphacast.core.distribution.DeliveryResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends deliveries to a platform the way the platform wants: renders them, paces every request under the
 * account and destination limits, honours 429 waits for the scope they apply to, retries 5xx and timeouts
 * with jittered exponential backoff, reports permanent refusals as {@link DeliveryResult.Rejected} at once,
 * and never sends a message twice (each part of a delivery is claimed and recorded in the
 * {@link SentDeliveryLedger} under {@code Delivery.id()#part}).
 *
 * <p>Waits longer than {@link SendPolicy#maxWait()} and exhausted retries surface as
 * {@link DeliveryFailedException}: the delivery can be retried later and will resume after its last sent part.
 */
public final class PlatformSink implements ChannelSink {

    private final ChannelRenderer renderer;
    private final PlatformTransport transport;
    private final SentDeliveryLedger ledger;
    private final SendPolicy policy;
    private final SendScheduler scheduler;
    private final Backoff backoff;
    private final Clock clock;
    private final Sleeper sleeper;
    private final AtomicLong requestsSent = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong transientFailures = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong skippedAsAlreadySent = new AtomicLong();

    /** Counters since creation. */
    public record Statistics(long requestsAccepted, long throttled, long transientFailures, long rejected,
                             long skippedAsAlreadySent) {
    }

    public PlatformSink(ChannelRenderer renderer, PlatformTransport transport, SentDeliveryLedger ledger, SendPolicy policy,
                        Backoff backoff, Clock clock, Sleeper sleeper) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.scheduler = new SendScheduler(clock);
        if (renderer.channel() != transport.channel()) {
            throw new IllegalArgumentException("renderer for " + renderer.channel().key() + " with transport for "
                    + transport.channel().key());
        }
    }

    @Override
    public Channel channel() {
        return transport.channel();
    }

    public Statistics statistics() {
        return new Statistics(requestsSent.get(), throttled.get(), transientFailures.get(), rejected.get(),
                skippedAsAlreadySent.get());
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) throws DeliveryFailedException {
        List<PlatformRequest> requests;
        try {
            requests = renderer.requestsFor(delivery);
        } catch (IllegalArgumentException e) {
            rejected.incrementAndGet();
            return new DeliveryResult.Rejected("cannot address " + delivery.destination() + ": " + e.getMessage());
        }
        return send(delivery.id(), delivery.destination(), requests);
    }

    private DeliveryResult send(String deliveryId, String destination, List<PlatformRequest> requests) throws DeliveryFailedException {
        List<String> references = new ArrayList<>(requests.size());
        for (int part = 0; part < requests.size(); part++) {
            String key = requests.size() == 1 ? deliveryId : deliveryId + "#" + (part + 1);
            Optional<String> known = ledger.sentReference(key);
            if (known.isPresent()) {
                skippedAsAlreadySent.incrementAndGet();
                references.add(known.get());
                continue;
            }
            Instant now = clock.instant();
            if (!ledger.tryClaim(key, now, now.plus(policy.claimLease()))) {
                Optional<String> raced = ledger.sentReference(key);
                if (raced.isPresent()) {
                    skippedAsAlreadySent.incrementAndGet();
                    references.add(raced.get());
                    continue;
                }
                throw new DeliveryFailedException("delivery " + key + " is being sent by another worker; retry later");
            }
            SendOutcome outcome;
            try {
                outcome = sendWithRetries(requests.get(part), destination, key);
            } catch (DeliveryFailedException | RuntimeException e) {
                ledger.release(key);
                throw e;
            }
            if (outcome instanceof SendOutcome.Permanent permanent) {
                ledger.release(key);
                rejected.incrementAndGet();
                return new DeliveryResult.Rejected(channel().key() + " refused " + key + ": " + permanent.detail());
            }
            String reference = ((SendOutcome.Accepted) outcome).reference();
            ledger.recordSent(key, reference);
            references.add(reference);
        }
        return new DeliveryResult.Sent(String.join(",", references));
    }

    /** Accepted or Permanent; anything else ends in an exception. */
    private SendOutcome sendWithRetries(PlatformRequest request, String destination, String key) throws DeliveryFailedException {
        List<SendScheduler.Key> keys = List.of(
                new SendScheduler.Key(channel().key(), policy.accountLimit()),
                new SendScheduler.Key(channel().key() + ":" + destination, policy.limitFor(destination)));
        String lastProblem = "";
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Duration wait = scheduler.wouldWait(keys);
            if (wait.compareTo(policy.maxWait()) > 0) {
                throw new DeliveryFailedException("rate limited on " + channel().key() + " for another " + wait.toSeconds()
                        + " s (more than the " + policy.maxWait().toSeconds() + " s a sender waits inline); retry " + key + " later");
            }
            SendScheduler.Reservation reservation = scheduler.reserve(keys);
            pause(reservation.delay());
            SendOutcome outcome = transport.send(request);
            scheduler.settle(keys, reservation, clock.instant());
            if (outcome instanceof SendOutcome.Accepted) {
                requestsSent.incrementAndGet();
                return outcome;
            }
            if (outcome instanceof SendOutcome.Permanent) {
                return outcome;
            }
            if (outcome instanceof SendOutcome.Throttled throttle) {
                throttled.incrementAndGet();
                Instant until = clock.instant().plus(throttle.retryAfter());
                scheduler.pause(throttle.wholeAccount() ? keys.get(0).name() : keys.get(1).name(), until);
                lastProblem = "429 " + throttle.detail();
                continue;
            }
            transientFailures.incrementAndGet();
            lastProblem = ((SendOutcome.Transient) outcome).detail();
            if (attempt < policy.maxAttempts()) {
                pause(backoff.delay(attempt));
            }
        }
        throw new DeliveryFailedException("gave up on " + key + " after " + policy.maxAttempts() + " attempts: " + lastProblem);
    }

    private void pause(Duration duration) throws DeliveryFailedException {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while waiting to send", e);
        }
    }
}

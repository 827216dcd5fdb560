package com.alphacast.bots.delivery;

import com.alphacast.bots.ratelimit.RateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * How a sender paces and retries.
 *
 * @param accountLimit     limit across the whole bot or account (Telegram 30/1s)
 * @param destinationLimit limit per chat, channel or webhook (Telegram 1/1s per chat; Discord 5/2s per webhook)
 * @param groupLimit       limit per Telegram group or channel (ids starting with "-" or "@"; about 20 per minute);
 *                         the destination limit when null
 * @param maxAttempts      attempts per request before giving up for now (transient failures and 429s)
 * @param maxWait          longest wait a sender accepts inline (rate limit or retry_after); anything longer is
 *                         reported as a transient failure so the caller re-queues instead of holding a worker
 * @param claimLease       how long a claim on a delivery protects it from a second worker
 */
public record SendPolicy(RateLimit accountLimit, RateLimit destinationLimit, RateLimit groupLimit, int maxAttempts,
                         Duration maxWait, Duration claimLease) {

    public SendPolicy {
        Objects.requireNonNull(accountLimit, "accountLimit");
        Objects.requireNonNull(destinationLimit, "destinationLimit");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(claimLease, "claimLease");
        groupLimit = groupLimit == null ? destinationLimit : groupLimit;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /**
     * Telegram: 30 messages/s per bot, 1/s per chat, 20/min per group (documented broadcast limits). The
     * 25 ms margin absorbs clock and network jitter; late sends are settled at their real time anyway.
     */
    public static SendPolicy telegramDefaults() {
        return new SendPolicy(RateLimit.perSecond(30).withMargin(Duration.ofMillis(25)),
                RateLimit.perSecond(1).withMargin(Duration.ofMillis(50)), RateLimit.perMinute(20).withMargin(Duration.ofSeconds(1)),
                6, Duration.ofSeconds(60), Duration.ofMinutes(2));
    }

    /** Discord: 50 requests/s per bot, 5 per 2 s per webhook or channel. */
    public static SendPolicy discordDefaults() {
        return new SendPolicy(RateLimit.perSecond(50), new RateLimit(5, Duration.ofSeconds(2)).withMargin(Duration.ofMillis(50)),
                null, 6, Duration.ofSeconds(60), Duration.ofMinutes(2));
    }

    /** X: conservative 100 posts per 24 h (Basic per-user window), no inline wait beyond 60 s. */
    public static SendPolicy xDefaults() {
        return new SendPolicy(new RateLimit(100, Duration.ofHours(24)), new RateLimit(100, Duration.ofHours(24)),
                null, 4, Duration.ofSeconds(60), Duration.ofMinutes(2));
    }

    /** The limit for one destination: the group limit for Telegram groups and channels, else the per-chat limit. */
    public RateLimit limitFor(String destination) {
        return destination.startsWith("-") || destination.startsWith("@") ? groupLimit : destinationLimit;
    }

    public SendPolicy withAccountLimit(RateLimit limit) {
        return new SendPolicy(limit, destinationLimit, groupLimit, maxAttempts, maxWait, claimLease);
    }

    /** Sets the per-chat limit (and the group limit, when it was the same). */
    public SendPolicy withDestinationLimit(RateLimit limit) {
        return new SendPolicy(accountLimit, limit, groupLimit.equals(destinationLimit) ? limit : groupLimit, maxAttempts,
                maxWait, claimLease);
    }

    public SendPolicy withGroupLimit(RateLimit limit) {
        return new SendPolicy(accountLimit, destinationLimit, limit, maxAttempts, maxWait, claimLease);
    }

    public SendPolicy withMaxAttempts(int attempts) {
        return new SendPolicy(accountLimit, destinationLimit, groupLimit, attempts, maxWait, claimLease);
    }

    public SendPolicy withMaxWait(Duration wait) {
        return new SendPolicy(accountLimit, destinationLimit, groupLimit, maxAttempts, wait, claimLease);
    }
}

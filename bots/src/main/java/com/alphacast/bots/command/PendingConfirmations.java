package com.alphacast.bots.command;

import java.time.Instant;

/**
 * Confirmation codes for destructive operator commands ({@code /closeall}), keyed by the requester
 * ({@code platform:userId}). Shared by every router instance (a later issue backs it with DynamoDB: a put
 * with a TTL, and a conditional delete for {@link #consume}), so a code issued by one Lambda container can
 * be confirmed on another.
 */
public interface PendingConfirmations {

    /** Records {@code code} for {@code requester}, valid until {@code expires}; replaces any earlier code of theirs. */
    void issue(String requester, String code, Instant expires);

    /**
     * True, exactly once, when {@code code} is the requester's current code and {@code now} is not after its
     * expiry; the code is then gone. A wrong code leaves the pending one in place; an expired one is dropped.
     * Must be atomic across instances: two concurrent confirmations of one code cannot both succeed.
     */
    boolean consume(String requester, String code, Instant now);
}

package com.alphacast.core.usecase.subscription;

import com.alphacast.core.subscription.Subscription;

/**
 * Takes away what a lapsed subscription gave: membership of the tier's chats, the tier's Discord role, and tells
 * the subscriber how to renew. Implemented on the platforms' APIs in {@code bots}. Must be safe to repeat: the
 * sweep calls it again when marking the subscription swept failed.
 */
public interface AccessWithdrawal {

    /** @throws RuntimeException when a platform call failed; the subscription stays unswept and is retried */
    void withdraw(Subscription lapsed);
}

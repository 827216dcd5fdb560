package com.alphacast.bots.subscription;

import com.alphacast.bots.command.Role;
import com.alphacast.bots.command.SubscriberRegistry;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.subscription.Subscriber;
import com.alphacast.core.usecase.subscription.SubscriptionLedger;
import java.time.Clock;
import java.util.Objects;

/**
 * Roles from the subscription ledger (DynamoDB in production), so every command answers at the caller's tier now:
 * operators come from configuration; a subscriber has their tier until it expires and is answered as free from
 * then on; anyone the ledger has never seen is unknown.
 */
public final class SubscriptionRoles implements SubscriberRegistry {

    private final SubscriberRegistry operators;
    private final SubscriptionLedger ledger;
    private final Clock clock;

    /** @param operators who is an operator (only its {@link Role#ADMIN} answers count) */
    public SubscriptionRoles(SubscriberRegistry operators, SubscriptionLedger ledger, Clock clock) {
        this.operators = Objects.requireNonNull(operators, "operators");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Role roleOf(Channel platform, String userId) {
        if (operators.roleOf(platform, userId) == Role.ADMIN) {
            return Role.ADMIN;
        }
        Subscriber subscriber;
        try {
            subscriber = new Subscriber(platform, userId);
        } catch (IllegalArgumentException e) {
            return Role.UNKNOWN; // not a user id a subscription can be held under
        }
        return ledger.find(subscriber).map(s -> switch (s.tierAt(clock.instant())) {
            case PREMIUM -> Role.PREMIUM;
            case BASIC -> Role.BASIC;
            case FREE -> Role.FREE;
        }).orElse(Role.UNKNOWN);
    }
}

package com.alphacast.bots.command;

import com.alphacast.core.distribution.Channel;

/** Who is who: the role of a platform user. Backed by DynamoDB in production. */
public interface SubscriberRegistry {

    /** The user's role; {@link Role#UNKNOWN} for anyone not registered. */
    Role roleOf(Channel platform, String userId);
}

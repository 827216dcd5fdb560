package com.alphacast.bots.delivery;

import com.alphacast.bots.render.PlatformRequest;
import com.alphacast.core.distribution.Channel;

/**
 * Executes one platform request through the platform's client library and classifies the answer. A
 * transport never retries and never throws for platform or network failures: it reports them.
 */
public interface PlatformTransport {

    Channel channel();

    SendOutcome send(PlatformRequest request);
}

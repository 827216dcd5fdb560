package com.alphacast.functions.distribution;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.config.SecretResolver;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.ChannelSink;
import com.alphacast.core.settings.ChannelSettings;

/** Live platform senders, built with secrets resolved from their references. */
final class PlatformSenders implements ChannelSinks.LiveSinkFactory {

    private final SecretResolver secrets;

    PlatformSenders(SecretResolver secrets) {
        this.secrets = secrets;
    }

    @Override
    public ChannelSink create(Channel channel, ChannelSettings settings) {
        throw new ConfigException("live sink for " + channel.key() + " is not wired yet");
    }
}

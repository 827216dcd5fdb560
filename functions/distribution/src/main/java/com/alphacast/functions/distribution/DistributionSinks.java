package com.alphacast.functions.distribution;

import com.alphacast.bots.outbox.OutboxSink;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.ChannelSink;
import com.alphacast.core.publication.ChartArchive;
import com.alphacast.core.settings.ChannelSettings;
import com.alphacast.core.settings.DistributionSettings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Builds the sink for each channel the settings name: the outbox, or the platform's live sender. Both render a
 * briefing's chart from the same archive, so the outbox records the upload a live sender would make.
 */
public final class DistributionSinks {

    private final LiveSinkFactory live;
    private final ChartArchive charts;

    public DistributionSinks(LiveSinkFactory live, ChartArchive charts) {
        this.live = live;
        this.charts = charts;
    }

    /** @param home where a relative outbox directory resolves (ALPHACAST_HOME) */
    public Map<Channel, ChannelSink> build(DistributionSettings settings, Path home) {
        Map<Channel, ChannelSink> sinks = new EnumMap<>(Channel.class);
        Path outbox = home.resolve(settings.outboxDirectory());
        for (Map.Entry<Channel, ChannelSettings> entry : settings.channels().entrySet()) {
            Channel channel = entry.getKey();
            sinks.put(channel, entry.getValue().sink() == ChannelSettings.SinkKind.OUTBOX
                    ? OutboxSink.forChannel(channel, outbox, charts)
                    : live.create(channel, entry.getValue()));
        }
        return sinks;
    }

    /** Creates live platform senders (Telegram, Discord, X) from their settings and resolved secrets. */
    @FunctionalInterface
    public interface LiveSinkFactory {
        ChannelSink create(Channel channel, ChannelSettings settings);
    }
}

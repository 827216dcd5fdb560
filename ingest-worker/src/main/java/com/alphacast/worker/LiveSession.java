package com.alphacast.worker;

import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.state.ChainAnalytics;
import com.alphacast.core.state.MarketState;
import com.alphacast.feeds.supervisor.FeedSupervisor;
import com.alphacast.feeds.supervisor.OperatorAlerts;
import com.alphacast.worker.io.OutboundWrites;
import com.alphacast.worker.live.LiveFeeds;
import com.alphacast.worker.pipeline.InstrumentDesks;
import com.alphacast.worker.pipeline.MarketPipeline;
import jakarta.inject.Singleton;

/**
 * Runs the configured instruments live: the sources their {@code sources} name, under the failover supervisor,
 * into fresh market state (every analytic) and the pipeline. The supervisor's health reaches the market state, so an
 * instrument without a live source has silent strategies: never a signal from a stale book.
 */
@Singleton
public class LiveSession {

    private final AlphacastSettings settings;
    private final OutboundWrites writes;
    private final ChainAnalytics chains;
    private final InstrumentDesks desks;
    private final LiveFeeds feeds;
    private final OperatorAlerts alerts;

    public LiveSession(AlphacastSettings settings, OutboundWrites writes, ChainAnalytics chains, LiveFeeds feeds,
                       OperatorAlerts alerts, InstrumentDesks desks) {
        this.settings = settings;
        this.writes = writes;
        this.chains = chains;
        this.desks = desks;
        this.feeds = feeds;
        this.alerts = alerts;
    }

    /** The running session; closing it closes every source. */
    public record Running(FeedSupervisor supervisor, MarketState state, MarketPipeline pipeline)
            implements AutoCloseable {

        @Override
        public void close() {
            supervisor.close();
            state.finish(System.currentTimeMillis() * 1_000_000L);
        }
    }

    public Running start() {
        MarketPipeline pipeline = new MarketPipeline(desks.open(), writes);
        MarketState state = new MarketState(settings.worker(), settings.volumeSpike(), chains, pipeline);
        FeedSupervisor supervisor = feeds.supervisor(settings.worker(), alerts);
        supervisor.start(state);
        return new Running(supervisor, state, pipeline);
    }
}

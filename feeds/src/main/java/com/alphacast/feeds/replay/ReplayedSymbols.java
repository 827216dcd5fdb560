package com.alphacast.feeds.replay;

import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.MarketEventListener;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The feed health a replay reports, as a live feed would: each symbol {@code LIVE} from its first event, every one
 * {@code DISCONNECTED} when the replay ends, saying whether the recording ended or why the replay stopped. Used on
 * the replay thread only.
 */
final class ReplayedSymbols implements ReplayRun.Ending {

    private final String source;
    private final MarketEventListener listener;
    private final Set<String> live = new LinkedHashSet<>();

    ReplayedSymbols(String source, MarketEventListener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Reports {@code symbol} LIVE at its first event; later events of it say nothing. */
    void seen(String symbol, long nanos, String detail) {
        if (live.add(symbol)) {
            listener.onFeedHealth(source, symbol, FeedHealth.LIVE, nanos, detail);
        }
    }

    @Override
    public void ended(long lastNanos, Throwable failure) {
        for (String symbol : live) {
            listener.onFeedHealth(source, symbol, FeedHealth.DISCONNECTED, lastNanos,
                    failure == null ? "end of recording" : "replay stopped: " + failure.getMessage());
        }
    }
}

package com.alphacast.core.state;

import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.VolumeSpikeSettings;
import com.alphacast.core.settings.WorkerSettings;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The worker's market state: one {@link InstrumentState} per configured instrument, fed by the feed sources
 * through {@link MarketEventListener}, and the chain analytics of every underlying with a chain. Events for
 * an instrument that is not configured, quotes that are crossed or not finite, and chains for an underlying
 * without chain analytics are counted and dropped, never fatal.
 *
 * <p>Threading: the instrument map is fixed at construction, so sources on different threads may deliver
 * different instruments concurrently; one instrument's events must come from one thread at a time (its source,
 * or the failover supervisor that forwards the active source). Option chains are the exception: a chain poller
 * delivers them on its own thread; the summary is computed there and handed over whole.
 */
public final class MarketState implements MarketEventListener {

    private final Map<String, InstrumentState> instruments = new HashMap<>();
    private final Set<String> chainUnderlyings = new HashSet<>();
    private final ChainAnalytics chains;
    private final LongAdder unknownInstrumentEvents = new LongAdder();
    private final LongAdder rejectedQuotes = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder ignoredChains = new LongAdder();

    public MarketState(WorkerSettings settings, VolumeSpikeSettings barSettings, ChainAnalytics chains,
                       BarCloseListener barListener) {
        this.chains = chains;
        CrossInstrumentCorrelation correlation =
                new CrossInstrumentCorrelation(settings.symbols(), settings.correlationBars());
        for (InstrumentSettings instrument : settings.instruments()) {
            instruments.put(instrument.symbol(), new InstrumentState(instrument, barSettings, barListener, correlation));
            if (instrument.hasOptionChain()) {
                chainUnderlyings.add(instrument.symbol());
            }
        }
    }

    @Override
    public void onTrade(String instrument, long exchangeNanos, long receiveNanos, long tradeId, double price,
                        double size, Aggressor aggressor) {
        InstrumentState state = instrument(instrument);
        if (state != null) {
            state.onTrade(exchangeNanos, receiveNanos, price, size, aggressor);
        }
    }

    @Override
    public void onTopOfBook(String instrument, long exchangeNanos, long receiveNanos, double bidPrice, double bidSize,
                            double askPrice, double askSize) {
        InstrumentState state = instrument(instrument);
        if (state == null) {
            return;
        }
        if (!(bidPrice > 0 && askPrice > bidPrice && bidSize > 0 && askSize > 0)
                || !Double.isFinite(askPrice) || !Double.isFinite(bidSize) || !Double.isFinite(askSize)) {
            rejectedQuotes.increment(); // crossed, empty or not a number: keep the last good quote
            return;
        }
        state.onTopOfBook(bidPrice, bidSize, askPrice, askSize);
    }

    @Override
    public void onDepthUpdate(String instrument, long exchangeNanos, long receiveNanos, DepthUpdate update) {
        InstrumentState state = instrument(instrument);
        if (state != null) {
            state.onDepthUpdate(update);
        }
    }

    @Override
    public void onDepthSnapshot(String instrument, long receiveNanos, DepthSnapshot snapshot) {
        InstrumentState state = instrument(instrument);
        if (state != null) {
            state.onDepthSnapshot(snapshot);
        }
    }

    @Override
    public void onOptionChain(String underlying, long exchangeNanos, long receiveNanos, OptionChain chain) {
        InstrumentState state = instrument(underlying);
        if (state == null) {
            return;
        }
        if (!chainUnderlyings.contains(underlying)) {
            ignoredChains.increment(); // the instrument is not configured with chain analytics
            return;
        }
        state.onChain(chains.summarize(chain), chain);
    }

    @Override
    public void onFeedHealth(String source, String instrument, FeedHealth health, long receiveNanos, String reason) {
        InstrumentState state = instruments.get(instrument);
        if (state != null) {
            state.onFeedHealth(health);
        } else {
            unknownInstrumentEvents.increment();
        }
    }

    /** Closes every instrument's open bar (the replay or session ended). */
    public void finish(long receiveNanos) {
        instruments.values().forEach(state -> state.finish(receiveNanos));
    }

    /** The instrument's current view, for status and tests (null if not configured). */
    public MarketView view(String instrument) {
        return instruments.get(instrument);
    }

    public long events() {
        return events.sum();
    }

    public long unknownInstrumentEvents() {
        return unknownInstrumentEvents.sum();
    }

    public long ignoredChains() {
        return ignoredChains.sum();
    }

    public long rejectedQuotes() {
        return rejectedQuotes.sum();
    }

    private InstrumentState instrument(String instrument) {
        events.increment();
        InstrumentState state = instruments.get(instrument);
        if (state == null) {
            unknownInstrumentEvents.increment();
        }
        return state;
    }
}

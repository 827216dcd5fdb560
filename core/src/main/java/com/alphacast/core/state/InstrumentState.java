package com.alphacast.core.state;

import com.alphacast.core.bars.TimeBarBuilder;
import com.alphacast.core.book.BookSynchronizer;
import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.book.OrderBook;
import com.alphacast.core.book.SweepDetector;
import com.alphacast.core.book.SyncState;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.classification.BulkVolumeClassifier;
import com.alphacast.core.classification.TickRule;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.quality.BadPrintFilter;
import com.alphacast.core.quality.PrintListener;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.VolumeSpikeSettings;
import com.alphacast.core.volatility.RealizedVolatility;
import com.alphacast.core.volatility.VolatilityRegime;
import com.alphacast.core.volatility.VolatilityRegimeClassifier;
import com.alphacast.core.volume.UnusualVolume;
import com.alphacast.core.vpin.BvcVpinStream;
import com.alphacast.core.vpin.VolumeBucketVpin;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the worker knows about one instrument, kept current event by event: the bad-print filter first
 * (a rejected print reaches nothing else), then bars, trade classification, VPIN and sweeps; the synchronized
 * depth book or, without depth, the venue's top of book; and on each bar close the unusual-volume score, the
 * realized-volatility regime and the correlation row. Per trade and per depth update nothing is allocated
 * except a closed bar. It is the {@link MarketView} strategies read. Not thread-safe: one feed thread at a
 * time (the worker routes an instrument's events through one listener).
 */
final class InstrumentState implements MarketView {

    private static final int MAX_BUFFERED_DEPTH = 10_000;

    private final String symbol;
    private final double lotSize;
    private final BarCloseListener barListener;
    private final CrossInstrumentCorrelation correlation;
    private final int correlationIndex;
    private final BadPrintFilter filter;
    private final TimeBarBuilder bars;
    private final BvcVpinStream vpin;
    private final TickRule tickRule = new TickRule();
    private final SweepDetector sweepDetector;
    private final UnusualVolume volume;
    private final RealizedVolatility volatility;
    private final VolatilityRegimeClassifier regimeClassifier;
    private BookSynchronizer book;
    private DepthProtocol bookProtocol;
    /** The last snapshot loaded, while no depth update followed it (re-applied if the next update changes protocol). */
    private DepthSnapshot snapshotAwaitingUpdate;

    private FeedHealth sourceHealth = FeedHealth.SYNCHRONISING;
    // A bar built while the feed was not LIVE misses events (the supervisor drops what arrives from standby sources and
    // a silent source sends nothing): it is "torn" and must not be traded. The bar opened by the first trade after
    // recovery may have missed its own start, so it is torn too.
    private boolean openBarTorn;
    private boolean firstTradeSinceRecovery;
    private boolean closingTornBar;
    private boolean hasDepth;
    private double quoteBidPrice = Double.NaN;
    private double quoteBidSize = Double.NaN;
    private double quoteAskPrice = Double.NaN;
    private double quoteAskSize = Double.NaN;
    // the print being judged, so its venue-given aggressor can follow it through the filter
    private long pendingMillis;
    private double pendingPrice;
    private long pendingLots;
    private Aggressor pendingAggressor = Aggressor.UNKNOWN;
    private long receiveNanos;
    private Bar closedBar;
    private Bar lastBar;
    private double volumeZScore = Double.NaN;
    private double volumeRatio = Double.NaN;
    private boolean unusualVolume;
    private VolatilityRegime regime = VolatilityRegime.UNKNOWN;
    private long sweeps;
    private long invalidPrints;
    // chains arrive on their poller's thread while bars close on the feed's: each value is immutable, published whole
    private volatile Optional<ChainSummary> chain = Optional.empty();
    // kept wrapped so a bar close hands it to the strategies without allocating
    private volatile Optional<OptionChain> optionChain = Optional.empty();

    InstrumentState(InstrumentSettings settings, VolumeSpikeSettings barSettings, BarCloseListener barListener,
                    CrossInstrumentCorrelation correlation) {
        this.symbol = settings.symbol();
        this.lotSize = settings.lotSize();
        this.barListener = barListener;
        this.correlation = correlation;
        this.correlationIndex = correlation.indexOf(symbol);
        Duration barPeriod = Duration.ofSeconds(barSettings.barSeconds());
        this.filter = new BadPrintFilter(settings.badPrintWindow(), settings.badPrintBand(), new Prints());
        this.bars = new TimeBarBuilder(symbol, barPeriod);
        this.vpin = new BvcVpinStream(barPeriod, new BulkVolumeClassifier(),
                new VolumeBucketVpin(settings.vpinBucketVolume(), settings.vpinWindow()));
        this.sweepDetector = new SweepDetector(symbol, sweep -> sweeps++);
        // the strategy's baseline: its thresholds decide what "unusual" means for this instrument
        this.volume = new UnusualVolume(barSettings.baselineBars(), barSettings.baselineBars(),
                barSettings.minZScore(), barSettings.minVolumeRatio());
        this.volatility = new RealizedVolatility(settings.volatilityBars(), settings.periodsPerYear());
        this.regimeClassifier = VolatilityRegimeClassifier.thresholds(settings.regimeLow(), settings.regimeHigh());
        this.bookProtocol = settings.depthProtocol();
        this.book = new BookSynchronizer(new OrderBook(symbol), bookProtocol, MAX_BUFFERED_DEPTH);
    }

    void onTrade(long exchangeNanos, long receiveNanos, double price, double size, Aggressor aggressor) {
        this.receiveNanos = receiveNanos;
        long lots = Double.isFinite(size) && size > 0 ? Math.max(1, Math.round(size / lotSize)) : 0;
        long millis = exchangeNanos / 1_000_000L;
        if (lots == 0) {
            invalidPrints++;
            return;
        }
        pendingMillis = millis;
        pendingPrice = price;
        pendingLots = lots;
        pendingAggressor = aggressor;
        filter.onPrint(millis, price, lots);
    }

    void onTopOfBook(double bidPrice, double bidSize, double askPrice, double askSize) {
        quoteBidPrice = bidPrice;
        quoteBidSize = bidSize;
        quoteAskPrice = askPrice;
        quoteAskSize = askSize;
    }

    void onDepthUpdate(DepthUpdate update) {
        hasDepth = true;
        // Sources of one instrument may follow different rules (spot, then USD-M futures after a failover): the
        // stream says which, by carrying pu or not. A change of rules starts a new book from the new source's snapshot.
        DepthProtocol protocol = update.previousFinalUpdateId() >= 0 ? DepthProtocol.FUTURES : DepthProtocol.SPOT;
        if (protocol != bookProtocol) {
            bookProtocol = protocol;
            book = new BookSynchronizer(new OrderBook(symbol), protocol, MAX_BUFFERED_DEPTH);
            if (snapshotAwaitingUpdate != null) {
                book.onSnapshot(snapshotAwaitingUpdate); // the new source's snapshot came before its first update
            }
        }
        snapshotAwaitingUpdate = null;
        book.onUpdate(update);
    }

    void onDepthSnapshot(DepthSnapshot snapshot) {
        hasDepth = true;
        snapshotAwaitingUpdate = snapshot;
        book.onSnapshot(snapshot);
    }

    void onChain(ChainSummary summary, OptionChain latest) {
        chain = Optional.of(summary);
        optionChain = Optional.of(latest);
    }

    void onFeedHealth(FeedHealth health) {
        if (health != FeedHealth.LIVE) {
            openBarTorn = true;
        } else if (sourceHealth != FeedHealth.LIVE) {
            firstTradeSinceRecovery = true;
        }
        sourceHealth = health;
    }

    /** Closes the open bar at the end of the feed. */
    void finish(long receiveNanos) {
        this.receiveNanos = receiveNanos;
        filter.flush();
        sweepDetector.flush();
        Bar last = bars.flush();
        if (last != null) {
            vpin.flush();
            closeBar(last);
        }
    }

    long invalidPrints() {
        return invalidPrints;
    }

    private void accepted(long millis, double price, long lots) {
        Aggressor classified = tickRule.classify(price);
        boolean current = millis == pendingMillis && price == pendingPrice && lots == pendingLots;
        Aggressor side = current && pendingAggressor != Aggressor.UNKNOWN ? pendingAggressor : classified;
        // bars first: the trade that opens a new period closes the previous bar, and VPIN's own 1-bar
        // aggregation closes on the same boundary, so the view handed out below includes that bar
        closedBar = bars.onTrade(millis, price, lots);
        vpin.onTrade(millis, price, lots);
        sweepDetector.onTrade(millis, price, lots, side);
        if (closedBar != null) {
            Bar bar = closedBar;
            closedBar = null;
            boolean torn = openBarTorn;
            // this trade opened the next bar: whole only if the feed was LIVE before it and stays LIVE
            openBarTorn = sourceHealth != FeedHealth.LIVE || firstTradeSinceRecovery;
            closeBar(bar, torn);
        }
        openBarTorn |= sourceHealth != FeedHealth.LIVE; // a trade taken while not LIVE: the bar it joined is suspect
        firstTradeSinceRecovery = false;
    }

    private void closeBar(Bar bar) {
        closeBar(bar, openBarTorn);
    }

    private void closeBar(Bar bar, boolean torn) {
        double v = bar.volume();
        volumeZScore = volume.zScore(v);
        volumeRatio = volume.ratio(v);
        unusualVolume = volume.isUnusual(v);
        volume.add(v);
        regime = regimeClassifier.classify(volatility.onClose(bar.close()));
        if (correlationIndex >= 0) {
            correlation.onBarClose(correlationIndex, bar.startMillis(), bar.close());
        }
        lastBar = bar;
        closingTornBar = torn;
        try {
            barListener.onBarClosed(this, receiveNanos);
        } finally {
            closingTornBar = false;
        }
    }

    @Override
    public String symbol() {
        return symbol;
    }

    /**
     * The source's word, downgraded while a depth book that exists is not synchronised (never a stale book) and, while
     * a torn bar is being handed out, to STALE (never a signal from a bar with a hole in it).
     */
    @Override
    public FeedHealth health() {
        if (closingTornBar && sourceHealth == FeedHealth.LIVE) {
            return FeedHealth.STALE;
        }
        if (sourceHealth != FeedHealth.LIVE || !hasDepth || book.isLive()) {
            return sourceHealth;
        }
        return book.state() == SyncState.STALE ? FeedHealth.STALE : FeedHealth.SYNCHRONISING;
    }

    @Override
    public Bar lastBar() {
        return lastBar;
    }

    @Override
    public double vpin() {
        return vpin.vpin();
    }

    @Override
    public double orderBookImbalance() {
        if (hasDepth) {
            return book.isLive() ? book.book().imbalance() : Double.NaN;
        }
        return (quoteBidSize - quoteAskSize) / (quoteBidSize + quoteAskSize);
    }

    @Override
    public double microprice() {
        if (hasDepth) {
            return book.isLive() ? book.book().microprice() : Double.NaN;
        }
        return (quoteAskPrice * quoteBidSize + quoteBidPrice * quoteAskSize) / (quoteBidSize + quoteAskSize);
    }

    @Override
    public double spread() {
        if (hasDepth) {
            return book.isLive() ? book.book().spread() : Double.NaN;
        }
        return quoteAskPrice - quoteBidPrice;
    }

    @Override
    public double realizedVolatility() {
        return volatility.value();
    }

    @Override
    public VolatilityRegime regime() {
        return regime;
    }

    @Override
    public double volumeZScore() {
        return volumeZScore;
    }

    @Override
    public double volumeRatio() {
        return volumeRatio;
    }

    @Override
    public boolean unusualVolume() {
        return unusualVolume;
    }

    @Override
    public long sweeps() {
        return sweeps;
    }

    @Override
    public long rejectedPrints() {
        return filter.rejected() + invalidPrints;
    }

    @Override
    public Optional<ChainSummary> chain() {
        return chain;
    }

    @Override
    public Optional<OptionChain> optionChain() {
        return optionChain;
    }

    @Override
    public double correlationWith(String other) {
        return correlation.correlation(symbol, other);
    }

    private final class Prints implements PrintListener {

        @Override
        public void onAccepted(long epochMillis, double price, long size) {
            accepted(epochMillis, price, size);
        }

        @Override
        public void onRejected(long epochMillis, double price, long size, double median) {
            // counted by the filter; a rejected print must not reach bars, VPIN or the classifiers
        }
    }
}

package com.alphacast.feeds.supervisor;

import com.alphacast.core.marketdata.FeedStatus;
import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.core.options.OptionChain;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Runs several sources and passes on, per instrument, the events of one: the highest-priority source that is
 * {@code LIVE}. When the active source turns stale or disconnects, or sends nothing for the instrument's staleness
 * window, the next live source takes over (asked to resynchronise its book if it can, so the consumer's book restarts
 * from that source's snapshot); while no source is live the consumer is told the instrument is not {@code LIVE}, which
 * silences its strategies. A recovered higher-priority source is taken back once it has stayed live for the route's
 * hold-down. Operators are alerted on the supervisor's own thread. Health reaching the consumer names the active
 * source; events of standby sources are dropped. A source outside an instrument's route (a chain poller) is not
 * failed over: its option chains for that instrument always pass, and its health does not touch the route. Itself a
 * {@link FeedSource}, so the worker runs it like one.
 */
public final class FeedSupervisor implements FeedSource {

    private static final System.Logger LOG = System.getLogger(FeedSupervisor.class.getName());

    private final List<FeedSource> sources;
    private final Map<String, RouteState> routes = new LinkedHashMap<>();
    private final OperatorAlerts alerts;
    private final LongSupplier nowNanos;
    private final Duration stalenessWindow;
    private final Map<String, FeedSource> byName = new HashMap<>();
    private ScheduledExecutorService timer;
    private MarketEventListener downstream;

    /**
     * @param stalenessWindow no event from the active source for an instrument within this: that source is treated as
     *                        stale for it
     * @param nowNanos        epoch nanoseconds
     */
    public FeedSupervisor(List<FeedSource> sources, List<InstrumentRoute> routes, Duration stalenessWindow,
                          OperatorAlerts alerts, LongSupplier nowNanos) {
        this.sources = List.copyOf(sources);
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.nowNanos = Objects.requireNonNull(nowNanos, "nowNanos");
        if (stalenessWindow == null || stalenessWindow.isNegative() || stalenessWindow.isZero()) {
            throw new IllegalArgumentException("stalenessWindow must be a positive duration, was " + stalenessWindow);
        }
        this.stalenessWindow = stalenessWindow;
        for (FeedSource s : this.sources) {
            if (byName.put(s.name(), s) != null) {
                throw new IllegalArgumentException("two sources are named " + s.name());
            }
        }
        for (InstrumentRoute r : routes) {
            for (String name : r.sources()) {
                if (!byName.containsKey(name)) {
                    throw new IllegalArgumentException(r.instrument() + ": sources names unknown source '" + name
                            + "' (known: " + byName.keySet() + ")");
                }
            }
            if (this.routes.put(r.instrument(), new RouteState(r)) != null) {
                throw new IllegalArgumentException("instrument " + r.instrument() + " is routed twice");
            }
        }
    }

    @Override
    public String name() {
        return "supervisor";
    }

    @Override
    public void start(MarketEventListener listener) {
        downstream = Objects.requireNonNull(listener, "listener");
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-supervisor");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(5, stalenessWindow.toMillis() / 5);
        timer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        for (FeedSource s : sources) {
            s.start(new Tap(s.name()));
        }
    }

    private void tick() {
        long now = nowNanos.getAsLong();
        for (RouteState r : routes.values()) {
            r.tick(now);
        }
    }

    /** The sources supervised, in the order given (status reads: each source's own counters). */
    public List<FeedSource> sources() {
        return sources;
    }

    /** The source currently passed on for {@code instrument}, or null. */
    public String activeSource(String instrument) {
        RouteState r = routes.get(instrument);
        int a = r == null ? -1 : r.active;
        return a < 0 ? null : r.names[a];
    }

    @Override
    public void close() {
        for (FeedSource s : sources) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + s.name() + " failed", e);
            }
        }
        if (timer != null) {
            // Alerts already queued are delivered before the thread stops (shutdownNow would drop them); the
            // periodic staleness check is cancelled by shutdown itself.
            timer.shutdown();
            try {
                if (!timer.awaitTermination(2, TimeUnit.SECONDS)) {
                    timer.shutdownNow();
                }
            } catch (InterruptedException e) {
                timer.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void alert(FeedAlert a) {
        LOG.log(System.Logger.Level.WARNING, "{0} {1}: {2} -> {3} ({4})", a.kind(), a.instrument(), a.fromSource(),
                a.toSource(), a.reason());
        ScheduledExecutorService t = timer;
        if (t != null && !t.isShutdown()) {
            t.execute(() -> alerts.alert(a));
        }
    }

    /** Hands a status change to the operators' port on the supervisor's thread, never the feed thread. */
    private void status(FeedStatus st) {
        ScheduledExecutorService t = timer;
        if (t != null && !t.isShutdown()) {
            t.execute(() -> alerts.status(st));
        }
    }

    /**
     * One instrument's routing state. Its lock serialises health changes, timer ticks and the delivery of the
     * instrument's events (see {@link Tap}).
     */
    private final class RouteState {
        final ReentrantLock lock = new ReentrantLock();
        final InstrumentRoute route;
        final String[] names;
        final FeedHealth[] health;
        final long[] liveSince;
        final long holdDownNanos;
        volatile int active = -1; // volatile for activeSource(); written under the lock
        long lastEventNanos;
        /**
         * Bit i: source i declared stale by the supervisor for silence, until it speaks or reports again. Written under
         * the lock; volatile for {@link #standby}.
         */
        volatile int silentMask;
        boolean resynchronising;
        long switchedAt;
        int reportedActive = -2;
        FeedHealth reported;
        boolean everLive;
        boolean silenced;

        RouteState(InstrumentRoute route) {
            this.route = route;
            this.names = route.sources().toArray(new String[0]);
            this.health = new FeedHealth[names.length];
            java.util.Arrays.fill(health, FeedHealth.DISCONNECTED);
            this.liveSince = new long[names.length];
            this.holdDownNanos = route.holdDown().toNanos();
        }

        int indexOf(String source) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(source)) {
                    return i;
                }
            }
            return -1;
        }

        void onHealth(int i, FeedHealth h, long now, String reason) {
            lock.lock();
            try {
                if (h == FeedHealth.LIVE && health[i] != FeedHealth.LIVE) {
                    liveSince[i] = now;
                }
                health[i] = h;
                silentMask &= ~(1 << i); // the source's own word replaces the supervisor's verdict
                if (i == active && h == FeedHealth.LIVE) {
                    // a source reports only changes: LIVE after being made active means its book was rebuilt
                    resynchronising = false;
                    lastEventNanos = now;
                }
                evaluate(now, names[i] + ": " + reason);
            } finally {
                lock.unlock();
            }
        }

        /**
         * The periodic check. Skipped while the lock is held: an event being delivered means the active source is not
         * silent, and one route busy downstream must not hold up the others' checks and alerts on the one timer.
         */
        void tick(long now) {
            if (!lock.tryLock()) {
                return;
            }
            try {
                int a = active;
                if (a >= 0 && health[a] == FeedHealth.LIVE && now - lastEventNanos > stalenessWindow.toNanos()) {
                    // stale in the supervisor's eyes until it speaks again or reports anew: a source that still calls
                    // itself LIVE must not be taken back while it is silent
                    health[a] = FeedHealth.STALE;
                    silentMask |= 1 << a;
                    evaluate(now, names[a] + ": no event for " + (now - lastEventNanos) / 1_000_000 + " ms");
                } else {
                    evaluate(now, "hold-down check");
                }
            } finally {
                lock.unlock();
            }
        }

        /** An event arrived from source {@code i} after the supervisor declared it silent: it is live again. */
        private void eventsResumed(int i, long now) {
            if ((silentMask & (1 << i)) == 0) {
                return;
            }
            silentMask &= ~(1 << i);
            health[i] = FeedHealth.LIVE;
            liveSince[i] = now;
            if (i == active) {
                lastEventNanos = now;
            }
            evaluate(now, names[i] + ": events resumed");
        }

        /**
         * True for an event of a source that is neither active nor marked silent: dropped without taking the lock, so
         * a standby never waits for the active source's work downstream. One that races a switch to its source is
         * dropped as if it had come just before the switch.
         */
        boolean standby(String source) {
            int i = indexOf(source);
            return i != active && (i < 0 || (silentMask & (1 << i)) == 0);
        }

        /**
         * Whether an event of {@code source} is passed on: it is the active one. Any event also tells the supervisor
         * the source is not silent. Called under this route's lock.
         */
        boolean passes(String source) {
            int a = active;
            boolean isActive = a >= 0 && names[a].equals(source);
            if (silentMask != 0) {
                int i = isActive ? a : indexOf(source);
                if (i >= 0 && (silentMask & (1 << i)) != 0) {
                    eventsResumed(i, nowNanos.getAsLong());
                }
            }
            if (isActive) {
                lastEventNanos = nowNanos.getAsLong();
            }
            return isActive;
        }

        private boolean usable(int i) {
            return i >= 0 && health[i] == FeedHealth.LIVE;
        }

        /**
         * Whether the active source, just switched to, is still rebuilding its book for the consumer: it is given the
         * staleness window to report LIVE again; a source that disconnects meanwhile is no longer settling.
         */
        private boolean settling(long now) {
            int a = active;
            return resynchronising && a >= 0 && health[a] != FeedHealth.DISCONNECTED
                    && now - switchedAt < stalenessWindow.toNanos();
        }

        private void evaluate(long now, String reason) {
            if (!settling(now)) {
                resynchronising = false;
            }
            int a = active;
            int target = a;
            if (!usable(a)) {
                if (!settling(now)) {
                    for (int i = 0; i < names.length; i++) {
                        if (i != a && health[i] == FeedHealth.LIVE) {
                            target = i;
                            break;
                        }
                    }
                }
            } else {
                for (int i = 0; i < a; i++) {
                    if (health[i] == FeedHealth.LIVE && now - liveSince[i] >= holdDownNanos) {
                        target = i;
                        break;
                    }
                }
            }
            boolean switched = target != a;
            if (switched) {
                boolean takeBack = usable(a) && target < a;
                active = target;
                switchedAt = now;
                lastEventNanos = now;
                String why = a < 0 ? "first live source" : takeBack
                        ? names[target] + " live for " + (now - liveSince[target]) / 1_000_000 + " ms (hold-down)"
                        : reason;
                String change = "first live source";
                if (a >= 0) {
                    FeedAlert.Kind kind = takeBack ? FeedAlert.Kind.TAKEN_BACK
                            : silenced ? FeedAlert.Kind.RESTORED : FeedAlert.Kind.FAILOVER;
                    silenced = false;
                    change = kind.toString();
                    alert(new FeedAlert(kind, route.instrument(), names[a], names[target], why, now));
                }
                if (byName.get(names[target]) instanceof Resynchronisable r) {
                    // The consumer has no book from this source (its snapshot went by while it was not active) or
                    // one with the old source's ids: until the new snapshot is through it must not call itself LIVE.
                    resynchronising = true;
                    r.resynchronise(route.instrument(), "made active by the supervisor");
                    why = names[target] + " resynchronising its book (" + change + ")";
                }
                reason = why;
            }
            int act = active;
            FeedHealth effective = act < 0 ? FeedHealth.SYNCHRONISING
                    : resynchronising && health[act] == FeedHealth.LIVE ? FeedHealth.STALE : health[act];
            if (!switched && everLive && !silenced && effective != FeedHealth.LIVE && !settling(now)) {
                silenced = true;
                alert(new FeedAlert(FeedAlert.Kind.SILENCED, route.instrument(), act < 0 ? null : names[act], null,
                        reason, now));
            } else if (!switched && silenced && effective == FeedHealth.LIVE) {
                silenced = false;
                alert(new FeedAlert(FeedAlert.Kind.RESTORED, route.instrument(), null, names[act], reason, now));
            }
            if (effective != reported || act != reportedActive) {
                everLive |= effective == FeedHealth.LIVE;
                reported = effective;
                reportedActive = act;
                String source = act < 0 ? name() : names[act];
                downstream.onFeedHealth(source, route.instrument(), effective, now, reason);
                status(new FeedStatus(route.instrument(), source, effective, reason, now));
            }
        }
    }

    /**
     * The listener one source is started with: records its health per instrument, passes on what is active. Each
     * event of a routed instrument is judged and delivered under its route's lock, the lock that health changes and
     * switches hold while they tell the consumer: the consumer sees one instrument's events one at a time and in
     * order, so a new source's first trade can never reach it before the failover's {@code STALE} (the bar the outage
     * cut short would close as whole), and the supervisor's thread never changes its state under a feed thread. A
     * standby's events are dropped before the lock ({@link RouteState#standby}).
     */
    private final class Tap implements MarketEventListener {
        private final String source;

        Tap(String source) {
            this.source = source;
        }

        /**
         * Whether this source's event for route {@code r} is passed on; if so the route's lock is held and the caller
         * delivers, then unlocks. A standby's event is refused without taking the lock.
         */
        private boolean admitted(RouteState r) {
            if (r.standby(source)) {
                return false;
            }
            r.lock.lock();
            boolean passes = false;
            try {
                passes = r.passes(source);
                return passes;
            } finally {
                if (!passes) {
                    r.lock.unlock();
                }
            }
        }

        @Override
        public void onTrade(String instrument, long exchangeNanos, long receiveNanos, long tradeId, double price,
                            double size, Aggressor aggressor) {
            RouteState r = routes.get(instrument);
            if (r == null) {
                downstream.onTrade(instrument, exchangeNanos, receiveNanos, tradeId, price, size, aggressor);
                return;
            }
            if (admitted(r)) {
                try {
                    downstream.onTrade(instrument, exchangeNanos, receiveNanos, tradeId, price, size, aggressor);
                } finally {
                    r.lock.unlock();
                }
            }
        }

        @Override
        public void onTopOfBook(String instrument, long exchangeNanos, long receiveNanos, double bidPrice,
                                double bidSize, double askPrice, double askSize) {
            RouteState r = routes.get(instrument);
            if (r == null) {
                downstream.onTopOfBook(instrument, exchangeNanos, receiveNanos, bidPrice, bidSize, askPrice, askSize);
                return;
            }
            if (admitted(r)) {
                try {
                    downstream.onTopOfBook(instrument, exchangeNanos, receiveNanos, bidPrice, bidSize, askPrice,
                            askSize);
                } finally {
                    r.lock.unlock();
                }
            }
        }

        @Override
        public void onDepthUpdate(String instrument, long exchangeNanos, long receiveNanos, DepthUpdate update) {
            RouteState r = routes.get(instrument);
            if (r == null) {
                downstream.onDepthUpdate(instrument, exchangeNanos, receiveNanos, update);
                return;
            }
            if (admitted(r)) {
                try {
                    downstream.onDepthUpdate(instrument, exchangeNanos, receiveNanos, update);
                } finally {
                    r.lock.unlock();
                }
            }
        }

        @Override
        public void onDepthSnapshot(String instrument, long receiveNanos, DepthSnapshot snapshot) {
            RouteState r = routes.get(instrument);
            if (r == null) {
                downstream.onDepthSnapshot(instrument, receiveNanos, snapshot);
                return;
            }
            if (admitted(r)) {
                try {
                    downstream.onDepthSnapshot(instrument, receiveNanos, snapshot);
                } finally {
                    r.lock.unlock();
                }
            }
        }

        @Override
        public void onOptionChain(String underlying, long exchangeNanos, long receiveNanos, OptionChain chain) {
            RouteState r = routes.get(underlying);
            if (r == null) {
                downstream.onOptionChain(underlying, exchangeNanos, receiveNanos, chain);
                return;
            }
            r.lock.lock();
            try {
                // a chain-only source (the CBOE poller) is outside the instrument's failover route: its chains pass
                if (r.indexOf(source) < 0 || r.passes(source)) {
                    downstream.onOptionChain(underlying, exchangeNanos, receiveNanos, chain);
                }
            } finally {
                r.lock.unlock();
            }
        }

        @Override
        public void onFeedHealth(String source, String instrument, FeedHealth health, long receiveNanos,
                                 String reason) {
            RouteState r = routes.get(instrument);
            if (r == null) {
                downstream.onFeedHealth(source, instrument, health, receiveNanos, reason);
                return;
            }
            int i = r.indexOf(this.source);
            if (i >= 0) {
                r.onHealth(i, health, nowNanos.getAsLong(), reason);
            }
        }
    }
}

package com.alphacast.feeds.binance;

import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.feeds.quality.InputQuality;
import com.alphacast.feeds.socket.FrameListener;
import com.alphacast.feeds.supervisor.Resynchronisable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Binance spot or futures market data over one combined-stream WebSocket (JDK {@link java.net.http.WebSocket}) plus
 * REST depth snapshots, decoded and synchronised by a {@link BinanceStreamSession}.
 *
 * <p>Threads: everything that touches the session (frames, snapshots, timers) runs on one feed thread per source;
 * the WebSocket and HTTP clients do their I/O on their own threads and hand results over, so nothing blocks the
 * feed thread. Connection care: pings every heartbeat interval and the connection is replaced when no frame or pong
 * arrives within the heartbeat timeout; reconnection with exponential backoff and jitter; a planned reconnect before
 * Binance's 24-hour connection limit; snapshot requests retried with the same backoff (honouring
 * {@code Retry-After} on 429/418). A reconnect drops every book: each resynchronises from a new snapshot.
 */
public final class BinanceFeedSource implements Resynchronisable {

    private static final System.Logger LOG = System.getLogger(BinanceFeedSource.class.getName());

    private final BinanceFeedSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final RandomGenerator random;
    private final InputQuality quality;
    private ScheduledExecutorService feed;
    private BinanceStreamSession session;
    private WebSocket socket;
    private int connection;
    private int attempt;
    private long frames;
    /** Written by the WebSocket's thread as bytes arrive, so a backlog on the feed thread is not taken for silence. */
    private volatile long lastInboundNanos;
    private long lastPingNanos;
    private long connectedAtNanos;
    private long connections;
    private volatile boolean closed;

    public BinanceFeedSource(BinanceFeedSettings settings, HttpClient http, Clock clock, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.quality = new InputQuality(settings.name(), 1_000, 100);
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public void start(MarketEventListener listener) {
        if (feed != null) {
            throw new IllegalStateException(name() + " already started");
        }
        feed = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-" + name());
            t.setDaemon(true);
            return t;
        });
        session = new BinanceStreamSession(name(), settings.market(), settings.symbols(), settings.depth(), listener,
                this::requestSnapshot, quality);
        feed.execute(this::connect);
        long tick = Math.max(10, Math.min(settings.heartbeatInterval().toMillis(),
                settings.stalenessWindow().toMillis() / 4));
        feed.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    private long now() {
        Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private void connect() {
        if (closed) {
            return;
        }
        int id = ++connection;
        URI uri = settings.endpoints().streamUri(settings.symbols(), settings.depth(), settings.depthSpeed());
        http.newWebSocketBuilder().connectTimeout(settings.connectTimeout())
                .buildAsync(uri, frames(id))
                .whenCompleteAsync((ws, error) -> {
                    if (error != null) {
                        opened(id, null, error); // success is handled by onOpen, queued before any frame
                    }
                }, feed);
    }

    private void opened(int id, WebSocket ws, Throwable error) {
        if (closed || id != connection) {
            if (ws != null) {
                ws.abort();
            }
            return;
        }
        if (error != null) {
            lost(id, "connect failed: " + FrameListener.rootMessage(error));
            return;
        }
        socket = ws;
        connections++;
        long now = now();
        connectedAtNanos = now;
        lastInboundNanos = now;
        lastPingNanos = now;
        session.connected(now);
        LOG.log(System.Logger.Level.INFO, "{0}: connected ({1} symbols)", name(), settings.symbols().size());
    }

    private void onFrame(int id, String text, long receiveNanos) {
        if (id != connection || closed) {
            return;
        }
        attempt = 0; // the venue is talking again: the next loss starts the backoff afresh
        session.onFrame(text, receiveNanos, ++frames);
    }

    private void tick() {
        if (closed) {
            return;
        }
        long now = now();
        WebSocket ws = socket;
        if (ws != null) {
            if (now - lastInboundNanos > settings.heartbeatTimeout().toNanos()) {
                lost(connection, "no frame or pong for " + (now - lastInboundNanos) / 1_000_000 + " ms");
            } else if (now - connectedAtNanos > settings.maxConnectionAge().toNanos()) {
                attempt = 0;
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "planned reconnect");
                lost(connection, "planned reconnect before Binance's 24 h connection limit");
            } else if (now - lastPingNanos >= settings.heartbeatInterval().toNanos()) {
                lastPingNanos = now;
                ws.sendPing(ByteBuffer.allocate(0));
            }
        }
        session.checkStaleness(now, settings.stalenessWindow().toNanos());
    }

    /** The connection {@code id} is gone: report it, drop the books and reconnect after a backoff. */
    private void lost(int id, String reason) {
        if (closed || id != connection) {
            return;
        }
        connection++; // late callbacks of the lost connection are ignored from here on
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.abort();
        }
        session.disconnected(now(), reason);
        Duration delay = settings.backoff().delay(attempt++, random);
        LOG.log(System.Logger.Level.WARNING, "{0}: connection lost ({1}); reconnecting in {2} ms", name(), reason,
                delay.toMillis());
        feed.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void requestSnapshot(String symbol, String reason) {
        fetchSnapshot(connection, symbol, 0);
    }

    private void fetchSnapshot(int id, String symbol, int tries) {
        if (closed || id != connection) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(settings.endpoints().depthUri(settings.market(), symbol,
                        settings.snapshotLevels())).timeout(settings.connectTimeout()).GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenCompleteAsync((response, error) -> snapshotArrived(id, symbol, tries, response, error), feed);
    }

    private void snapshotArrived(int id, String symbol, int tries, HttpResponse<String> response, Throwable error) {
        if (closed || id != connection) {
            return; // the books of that connection are gone; the new connection asks for its own snapshots
        }
        if (error == null && response.statusCode() == 200) {
            session.onSnapshotBody(symbol, response.body(), now());
            return;
        }
        Duration delay = settings.backoff().delay(tries, random);
        String problem = error != null ? FrameListener.rootMessage(error) : "HTTP " + response.statusCode();
        if (response != null && (response.statusCode() == 429 || response.statusCode() == 418)) {
            long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(0);
            delay = delay.compareTo(Duration.ofSeconds(retryAfter)) < 0 ? Duration.ofSeconds(retryAfter) : delay;
        }
        LOG.log(System.Logger.Level.WARNING, "{0}: depth snapshot of {1} failed ({2}); retrying in {3} ms", name(),
                symbol, problem, delay.toMillis());
        feed.schedule(() -> fetchSnapshot(id, symbol, tries + 1), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void resynchronise(String instrument, String reason) {
        ScheduledExecutorService f = feed;
        if (f != null && !closed) {
            f.execute(() -> session.resynchronise(instrument, now(), reason));
        }
    }

    /** Runs {@code task} on the feed thread (status reads in tests and the worker's status page). */
    public <T> T onFeedThread(java.util.concurrent.Callable<T> task) throws Exception {
        return feed.submit(task).get(10, TimeUnit.SECONDS);
    }

    public BinanceStreamSession session() {
        return session;
    }

    /** Connections opened so far (1 plus reconnections). Read it on the feed thread. */
    public long connections() {
        return connections;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ScheduledExecutorService f = feed;
        if (f == null) {
            return;
        }
        f.execute(() -> {
            WebSocket ws = socket;
            socket = null;
            if (ws != null) {
                ws.abort();
            }
            session.disconnected(now(), "source closed");
        });
        f.shutdown();
        try {
            if (!f.awaitTermination(5, TimeUnit.SECONDS)) {
                f.shutdownNow();
            }
        } catch (InterruptedException e) {
            f.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Connection {@code id}'s socket events, tagged with it so a late event of an old connection is ignored. */
    private FrameListener frames(int id) {
        return new FrameListener(feed, this::now, "the venue", new FrameListener.Connection() {
            @Override
            public void heard(long receiveNanos) {
                lastInboundNanos = receiveNanos;
            }

            @Override
            public void opened(WebSocket webSocket) {
                BinanceFeedSource.this.opened(id, webSocket, null);
            }

            @Override
            public void frame(String text, long receiveNanos) {
                onFrame(id, text, receiveNanos);
            }

            @Override
            public void lost(String reason) {
                BinanceFeedSource.this.lost(id, reason);
            }
        });
    }
}

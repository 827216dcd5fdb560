package com.alphacast.feeds.keyed;

import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.feeds.quality.InputQuality;
import com.alphacast.feeds.socket.FrameListener;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * A keyed US equities stream (Alpaca, Massive) over one JDK {@link WebSocket}: connect, wait for the venue's welcome,
 * authenticate, subscribe to the trades and quotes of every symbol, then hand each frame to the venue's
 * {@link StreamProtocol} and the decoded messages to an {@link EquityStreamSession}. After each subscription the
 * venue's REST API is asked for every symbol's latest quote, so a (re)connected source passes on a top of book before
 * the stream's next quote.
 *
 * <p>Threads: everything that touches the session runs on one feed thread per source; the WebSocket client reads on
 * its own threads and hands frames over, so nothing blocks the feed thread. Connection care: pings every heartbeat
 * interval and the connection is replaced when no frame or pong arrives within the heartbeat timeout; a handshake
 * (welcome, authentication, subscription) not done within the connect timeout is a lost connection; reconnection
 * with exponential backoff and jitter; when the venue refuses the connection (credentials, connection limit) the
 * next attempt waits at least the refusal delay, so a wrong key never turns into a hot loop of logins.
 */
public final class KeyedStreamSource implements FeedSource {

    private static final System.Logger LOG = System.getLogger(KeyedStreamSource.class.getName());

    private enum Stage { AWAITING_WELCOME, AUTHENTICATING, SUBSCRIBING, STREAMING }

    private final KeyedFeedSettings settings;
    private final StreamProtocol protocol;
    private final HttpClient http;
    private final Clock clock;
    private final RandomGenerator random;
    private final InputQuality quality;
    private ScheduledExecutorService feed;
    private EquityStreamSession session;
    private WebSocket socket;
    private Stage stage;
    private int connection;
    private int attempt;
    private long frames;
    /** Written by the WebSocket's thread as bytes arrive, so a backlog on the feed thread is not taken for silence. */
    private volatile long lastInboundNanos;
    private long lastPingNanos;
    private long connectedAtNanos;
    private long connections;
    private long refusals;
    private long latestQuoteFailures;
    private volatile boolean closed;

    public KeyedStreamSource(KeyedFeedSettings settings, StreamProtocol protocol, HttpClient http, Clock clock,
                             RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
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
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "feed-" + name());
            t.setDaemon(true);
            return t;
        });
        // a reconnect scheduled a refusal delay ahead must not hold up close()
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        feed = executor;
        session = new EquityStreamSession(name(), settings.symbols(), listener, quality);
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
        http.newWebSocketBuilder().connectTimeout(settings.connectTimeout())
                .buildAsync(settings.webSocketUri(), frames(id))
                .whenCompleteAsync((ws, error) -> {
                    if (error != null) {
                        lost(id, "connect failed: " + FrameListener.rootMessage(error), Duration.ZERO);
                    }
                }, feed);
    }

    private void opened(int id, WebSocket ws) {
        if (closed || id != connection) {
            ws.abort();
            return;
        }
        socket = ws;
        stage = Stage.AWAITING_WELCOME;
        connections++;
        long now = now();
        connectedAtNanos = now;
        lastInboundNanos = now;
        lastPingNanos = now;
        session.connected(now);
        LOG.log(System.Logger.Level.INFO, "{0}: connected to {1} ({2} symbols)", name(), protocol.venue(),
                settings.symbols().size());
    }

    private void onFrame(int id, String text, long receiveNanos) {
        if (id != connection || closed) {
            return;
        }
        long position = ++frames;
        boolean demoted = quality.demoted();
        session.beginFrame(receiveNanos, position);
        try {
            protocol.decode(text, position, new Dispatch(id));
        } catch (InputFormatException e) {
            session.malformed(e.getMessage());
        }
        session.endFrame(demoted);
    }

    private void welcomed(int id) {
        if (id == connection && stage == Stage.AWAITING_WELCOME) {
            stage = Stage.AUTHENTICATING;
            socket.sendText(protocol.authMessage(settings.credentials()), true);
        }
    }

    private void authenticated(int id) {
        if (id == connection && stage == Stage.AUTHENTICATING) {
            stage = Stage.SUBSCRIBING;
            socket.sendText(protocol.subscribeMessage(settings.symbols()), true);
        }
    }

    private void subscribed(int id, String detail) {
        if (id == connection && stage == Stage.SUBSCRIBING) {
            stage = Stage.STREAMING;
            attempt = 0; // a full handshake: the next loss starts the backoff afresh
            LOG.log(System.Logger.Level.INFO, "{0}: subscribed ({1})", name(), detail);
            requestLatestQuotes(id);
        }
    }

    /** Asks the REST API for each symbol's latest quote, so the consumer has a top of book before the stream's next. */
    private void requestLatestQuotes(int id) {
        for (HttpRequest request : protocol.latestQuoteRequests(settings.restBase(), settings.symbols(),
                settings.credentials(), settings.connectTimeout())) {
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenCompleteAsync((response, error) -> latestQuotesArrived(id, response, error), feed);
        }
    }

    private void latestQuotesArrived(int id, HttpResponse<String> response, Throwable error) {
        if (closed || id != connection) {
            return;
        }
        long now = now();
        if (error != null || response.statusCode() != 200) {
            latestQuoteFailures++;
            // the request URI may carry the key (Massive's apiKey parameter): only the outcome is logged
            LOG.log(System.Logger.Level.WARNING, "{0}: latest quotes from {1}''s REST API failed ({2}); the stream "
                    + "brings the next quote", name(), protocol.venue(),
                    error != null ? FrameListener.rootMessage(error) : "HTTP " + response.statusCode());
            return;
        }
        try {
            protocol.decodeLatestQuotes(response.body(), (symbol, exchangeNanos, sequence, bid, bidSize, ask,
                    askSize) -> session.latestQuote(symbol, exchangeNanos, sequence, bid, bidSize, ask, askSize, now));
        } catch (InputFormatException e) {
            session.malformedLatestQuotes(e.getMessage(), now);
        }
    }

    private void refused(int id, String reason, boolean authentication) {
        if (id != connection) {
            return;
        }
        refusals++;
        String what = authentication
                ? "authentication refused by " + protocol.venue() + ": " + reason + " (check the source's API key)"
                : protocol.venue() + " refused the connection: " + reason;
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "");
        }
        lost(id, what, settings.refusalDelay());
    }

    private void tick() {
        if (closed) {
            return;
        }
        long now = now();
        if (socket != null) {
            if (now - lastInboundNanos > settings.heartbeatTimeout().toNanos()) {
                lost(connection, "no frame or pong for " + (now - lastInboundNanos) / 1_000_000 + " ms",
                        Duration.ZERO);
            } else if (stage != Stage.STREAMING && now - connectedAtNanos > settings.connectTimeout().toNanos()) {
                lost(connection, protocol.venue() + " did not complete the handshake within "
                        + settings.connectTimeout().toMillis() + " ms (stuck " + stage.name().toLowerCase() + ")",
                        Duration.ZERO);
            } else if (now - lastPingNanos >= settings.heartbeatInterval().toNanos()) {
                lastPingNanos = now;
                socket.sendPing(ByteBuffer.allocate(0));
            }
        }
        session.checkStaleness(now, settings.stalenessWindow().toNanos());
    }

    /** The connection {@code id} is gone: report it and reconnect after a backoff of at least {@code atLeast}. */
    private void lost(int id, String reason, Duration atLeast) {
        if (closed || id != connection) {
            return;
        }
        connection++; // late callbacks of the lost connection are ignored from here on
        WebSocket ws = socket;
        socket = null;
        stage = null;
        if (ws != null) {
            ws.abort();
        }
        Duration delay = settings.backoff().delay(attempt++, random);
        if (delay.compareTo(atLeast) < 0) {
            delay = atLeast;
        }
        String reported = reason + "; reconnecting in " + delay.toMillis() + " ms";
        session.disconnected(now(), reported);
        LOG.log(System.Logger.Level.WARNING, "{0}: {1}", name(), reported);
        feed.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} on the feed thread (status reads in tests and the worker's status page). */
    public <T> T onFeedThread(Callable<T> task) throws Exception {
        return feed.submit(task).get(10, TimeUnit.SECONDS);
    }

    public EquityStreamSession session() {
        return session;
    }

    /** Connections opened so far. Read it on the feed thread. */
    public long connections() {
        return connections;
    }

    /** Connections the venue refused (credentials, connection limit). Read it on the feed thread. */
    public long refusals() {
        return refusals;
    }

    /** Latest-quote REST requests that failed (transport or status). Read it on the feed thread. */
    public long latestQuoteFailures() {
        return latestQuoteFailures;
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

    /** Routes one frame's decoded messages: the handshake to this source, market data to the session. */
    private final class Dispatch implements StreamMessages {
        private final int id;

        Dispatch(int id) {
            this.id = id;
        }

        @Override
        public void welcomed() {
            KeyedStreamSource.this.welcomed(id);
        }

        @Override
        public void authenticated() {
            KeyedStreamSource.this.authenticated(id);
        }

        @Override
        public void subscribed(String detail) {
            KeyedStreamSource.this.subscribed(id, detail);
        }

        @Override
        public void refused(String reason, boolean authentication) {
            KeyedStreamSource.this.refused(id, reason, authentication);
        }

        @Override
        public void trade(String symbol, long exchangeNanos, int scope, long sequence, long tradeId, double price,
                          double size) {
            if (id == connection) {
                session.trade(symbol, exchangeNanos, scope, sequence, tradeId, price, size);
            }
        }

        @Override
        public void quote(String symbol, long exchangeNanos, long sequence, double bidPrice, double bidSize,
                          double askPrice, double askSize) {
            if (id == connection) {
                session.quote(symbol, exchangeNanos, sequence, bidPrice, bidSize, askPrice, askSize);
            }
        }

        @Override
        public void unknown(String detail) {
            session.unknown(detail);
        }
    }

    /** Connection {@code id}'s socket events, tagged with it so a late event of an old connection is ignored. */
    private FrameListener frames(int id) {
        return new FrameListener(feed, this::now, protocol.venue(), new FrameListener.Connection() {
            @Override
            public void heard(long receiveNanos) {
                lastInboundNanos = receiveNanos;
            }

            @Override
            public void opened(WebSocket webSocket) {
                KeyedStreamSource.this.opened(id, webSocket);
            }

            @Override
            public void frame(String text, long receiveNanos) {
                onFrame(id, text, receiveNanos);
            }

            @Override
            public void lost(String reason) {
                KeyedStreamSource.this.lost(id, reason, Duration.ZERO);
            }
        });
    }
}

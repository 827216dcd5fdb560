package com.alphacast.feeds.socket;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The JDK WebSocket callbacks every streaming source needs, written once: text frames reassembled from their
 * fragments, every inbound frame (pings and pongs included) counted as a sign of life on the socket's thread, and
 * the opening, each whole frame and the loss of the connection handed to the source's feed thread. One listener per
 * connection; the source tells connections apart by what its {@link Connection} closes over.
 */
public final class FrameListener implements WebSocket.Listener {

    /** What the source does with one connection's events; every call but {@link #heard} runs on the feed thread. */
    public interface Connection {

        /** Any inbound frame, on the socket's thread: keep it cheap (a volatile write). */
        void heard(long receiveNanos);

        void opened(WebSocket webSocket);

        void frame(String text, long receiveNanos);

        void lost(String reason);
    }

    private final Executor feed;
    private final LongSupplier clock;
    private final String venue;
    private final Connection connection;
    private final StringBuilder partial = new StringBuilder();

    /**
     * @param feed  the source's feed thread
     * @param clock receive time in nanoseconds (the source's clock)
     * @param venue who closes the connection, as the loss reason names it ("the venue", "Alpaca")
     */
    public FrameListener(Executor feed, LongSupplier clock, String venue, Connection connection) {
        this.feed = feed;
        this.clock = clock;
        this.venue = venue;
        this.connection = connection;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        feed.execute(() -> connection.opened(webSocket));
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long received = clock.getAsLong();
        connection.heard(received);
        String text;
        if (partial.length() == 0 && last) {
            text = data.toString();
        } else {
            partial.append(data);
            if (!last) {
                webSocket.request(1);
                return null;
            }
            text = partial.toString();
            partial.setLength(0);
        }
        feed.execute(() -> connection.frame(text, received));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        long received = clock.getAsLong();
        connection.heard(received);
        feed.execute(() -> connection.frame("<binary frame>", received));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        connection.heard(clock.getAsLong()); // the JDK client answers with a pong itself
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        connection.heard(clock.getAsLong());
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        feed.execute(() -> connection.lost("closed by " + venue + " (" + statusCode + " " + reason + ")"));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        feed.execute(() -> connection.lost("connection error: " + rootMessage(error)));
    }

    /** The innermost cause, as "Type: message": what a transport failure really was. */
    public static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }
}

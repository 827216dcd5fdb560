package com.alphacast.feeds.keyed;

import com.alphacast.core.feed.InputFormatException;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

/**
 * One venue's side of a keyed market-data WebSocket: what the client sends to authenticate and subscribe, and how a
 * text frame decodes into {@link StreamMessages}. Implementations are pure (no I/O) and used from one feed thread.
 */
public interface StreamProtocol {

    /** The venue's name for health reasons and logs, e.g. {@code Alpaca}. */
    String venue();

    /** The authentication message; it carries the credentials, so it is sent and never logged. */
    String authMessage(StreamCredentials credentials);

    /** The subscription message for the trades and quotes of {@code symbols}. */
    String subscribeMessage(List<String> symbols);

    /**
     * Decodes one text frame, handing each message to {@code out} as it is read.
     *
     * @param position frame number on this source, for error messages
     * @throws InputFormatException when the frame is not the venue's JSON (messages before the fault were delivered)
     */
    void decode(String frame, long position, StreamMessages out);

    /**
     * The venue's REST requests for the latest quote of {@code symbols}, sent after each subscription so a
     * (re)connected source passes on a top of book before the next streamed quote. They carry the credentials: never
     * log them.
     */
    List<HttpRequest> latestQuoteRequests(URI restBase, List<String> symbols, StreamCredentials credentials,
                                          Duration timeout);

    /**
     * Decodes one latest-quote response body, a quote a symbol.
     *
     * @throws InputFormatException when the body is not the venue's JSON
     */
    void decodeLatestQuotes(String body, LatestQuotes out);

    /** Receives latest quotes from the REST API, with {@link StreamMessages#quote}'s meaning of each argument. */
    @FunctionalInterface
    interface LatestQuotes {
        void quote(String symbol, long exchangeNanos, long sequence, double bidPrice, double bidSize,
                   double askPrice, double askSize);
    }
}

package com.alphacast.feeds.keyed;

/**
 * What a {@link StreamProtocol} found in one frame, message by message, in the frame's order. Prices are in the
 * venue's currency, sizes in shares, times in epoch nanoseconds as the venue stamped them.
 */
public interface StreamMessages {

    /** The venue's welcome: the client may authenticate now. */
    void welcomed();

    /** The credentials were accepted: the client may subscribe now. */
    void authenticated();

    /** The venue confirmed a subscription ({@code detail} as it worded it). */
    void subscribed(String detail);

    /**
     * The venue refused this connection or is about to close it (bad credentials, connection limit, slow consumer):
     * the connection is replaced, no sooner than the source's refusal delay.
     *
     * @param authentication whether the refusal is about the credentials (an operator must fix them)
     */
    void refused(String reason, boolean authentication);

    /**
     * One trade.
     *
     * @param sequenceScope the space {@code sequence} increases in (e.g. the reporting exchange), 0 if per symbol
     * @param sequence      increasing per symbol and scope: equal = a resent message, lower = out of order
     * @param tradeId       the venue's trade id (for the listener)
     */
    void trade(String symbol, long exchangeNanos, int sequenceScope, long sequence, long tradeId, double price,
               double size);

    /** One top-of-book quote; {@code sequence} as for trades (scope is always per symbol). */
    void quote(String symbol, long exchangeNanos, long sequence, double bidPrice, double bidSize, double askPrice,
               double askSize);

    /** A message of a type this source does not use (counted, never fatal). */
    void unknown(String detail);
}

package com.alphacast.core.book;

/** Side of an order book. */
public enum BookSide {
    BID,
    ASK
}

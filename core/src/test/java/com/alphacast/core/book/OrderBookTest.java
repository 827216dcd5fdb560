package com.alphacast.core.book;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OrderBookTest {

    @Test
    void keepsLevelsSortedAndDeletesOnZeroQuantity() {
        OrderBook book = new OrderBook("X", 2);
        book.updateBid(99, 5);
        book.updateBid(100, 1);
        book.updateBid(98, 7);
        book.updateAsk(102, 4);
        book.updateAsk(101, 3);
        book.updateAsk(103, 9);
        assertThat(book.bestBidPrice()).isEqualTo(100);
        assertThat(book.price(BookSide.BID, 2)).isEqualTo(98);
        assertThat(book.bestAskPrice()).isEqualTo(101);
        assertThat(book.price(BookSide.ASK, 2)).isEqualTo(103);
        book.updateBid(100, 0);
        book.updateAsk(150, 0); // deleting an absent level is a no-op
        assertThat(book.bestBidPrice()).isEqualTo(99);
        assertThat(book.depth(BookSide.ASK)).isEqualTo(3);
        book.updateBid(99, 6);
        assertThat(book.bestBidQuantity()).isEqualTo(6);
        for (int i = 0; i < 100; i++) {
            book.updateBid(10 + i * 0.01, 1); // grows past the initial capacity
        }
        assertThat(book.depth(BookSide.BID)).isEqualTo(102);
        assertThat(book.bestBidPrice()).isEqualTo(99);
    }

    @Test
    void computesImbalanceMicropriceAndSpreadPerTheConventions() {
        OrderBook book = new OrderBook("X");
        book.updateBid(100, 3);
        book.updateAsk(101, 1);
        book.updateBid(99, 10);
        book.updateAsk(102, 30);
        assertThat(book.imbalance()).isCloseTo((3.0 - 1) / 4, within(1e-15));
        assertThat(book.microprice()).isCloseTo((101 * 3 + 100 * 1) / 4.0, within(1e-12));
        assertThat(book.spread()).isEqualTo(1);
        assertThat(book.mid()).isEqualTo(100.5);
        assertThat(book.depthImbalance(2, 1)).isCloseTo((13.0 - 31) / 44, within(1e-15));
        assertThat(book.depthImbalance(2, 0.5)).isCloseTo((3 + 5.0 - 1 - 15) / (3 + 5 + 1 + 15), within(1e-15));
        assertThat(new OrderBook("E").microprice()).isNaN();
    }
}

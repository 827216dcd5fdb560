package com.alphacast.core.book;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BookSynchronizerTest {

    private static DepthSnapshot snapshot(long id, double bid, double ask) {
        return new DepthSnapshot("X", id, new double[] {bid}, new double[] {1}, new double[] {ask}, new double[] {1});
    }

    private static DepthUpdate update(long first, long last, long pu, double bid, double qty) {
        return DepthUpdate.of("X", 0, first, last, pu, new double[] {bid}, new double[] {qty}, new double[0],
                new double[0]);
    }

    @Test
    void buffersUntilTheSnapshotThenAppliesFromTheStraddlingEvent() {
        BookSynchronizer sync = new BookSynchronizer("X", DepthProtocol.SPOT);
        assertThat(sync.onUpdate(update(90, 99, -1, 10, 1))).isEqualTo(UpdateOutcome.BUFFERED);
        assertThat(sync.onUpdate(update(100, 105, -1, 11, 2))).isEqualTo(UpdateOutcome.BUFFERED);
        assertThat(sync.onSnapshot(snapshot(101, 9, 12))).isEqualTo(1); // 90..99 dropped, 100..105 straddles 102
        assertThat(sync.isLive()).isTrue();
        assertThat(sync.book().bestBidPrice()).isEqualTo(11);
        assertThat(sync.onUpdate(update(106, 106, -1, 11, 0))).isEqualTo(UpdateOutcome.APPLIED);
        assertThat(sync.book().bestBidPrice()).as("the dropped event's 10 never entered").isEqualTo(9);
        assertThat(sync.lastUpdateId()).isEqualTo(106);
    }

    @Test
    void marksTheBookStaleOnAGapAndResyncsFromANewSnapshot() {
        BookSynchronizer sync = new BookSynchronizer("X", DepthProtocol.SPOT);
        sync.onSnapshot(snapshot(10, 9, 12));
        assertThat(sync.onUpdate(update(5, 10, -1, 9, 5))).isEqualTo(UpdateOutcome.DROPPED);
        assertThat(sync.onUpdate(update(11, 12, -1, 9, 2))).isEqualTo(UpdateOutcome.APPLIED);
        assertThat(sync.onUpdate(update(14, 15, -1, 9, 3))).isEqualTo(UpdateOutcome.GAP);
        assertThat(sync.state()).isEqualTo(SyncState.STALE);
        assertThat(sync.lastGapExpected()).isEqualTo(13);
        assertThat(sync.lastGapReceived()).isEqualTo(14);
        assertThat(sync.onUpdate(update(16, 17, -1, 9, 4))).isEqualTo(UpdateOutcome.BUFFERED);
        assertThat(sync.bufferedEvents()).isEqualTo(2);
        // re-sync: snapshot at 15 covers the gap event; 16..17 continues it
        assertThat(sync.onSnapshot(snapshot(15, 9.5, 12))).isEqualTo(1);
        assertThat(sync.isLive()).isTrue();
        assertThat(sync.book().bestBidPrice()).isEqualTo(9.5);
        assertThat(sync.book().quantityAt(BookSide.BID, 9)).isEqualTo(4);
        assertThat(sync.gaps()).isEqualTo(1);
    }

    @Test
    void aSnapshotOlderThanTheFirstEventIsAGap() {
        BookSynchronizer sync = new BookSynchronizer("X", DepthProtocol.SPOT);
        sync.onSnapshot(snapshot(10, 9, 12));
        assertThat(sync.onUpdate(update(13, 14, -1, 9, 1))).isEqualTo(UpdateOutcome.GAP);
        assertThat(sync.isLive()).isFalse();
    }

    @Test
    void futuresStreamsChainOnPreviousFinalId() {
        BookSynchronizer sync = new BookSynchronizer("X", DepthProtocol.FUTURES);
        sync.onSnapshot(snapshot(100, 9, 12));
        assertThat(sync.onUpdate(update(90, 99, 85, 9, 2))).as("u < lastUpdateId").isEqualTo(UpdateOutcome.DROPPED);
        assertThat(sync.onUpdate(update(98, 104, 97, 9, 2))).isEqualTo(UpdateOutcome.APPLIED); // U <= 100 <= u
        assertThat(sync.onUpdate(update(110, 112, 104, 9, 3))).isEqualTo(UpdateOutcome.APPLIED); // pu == 104
        assertThat(sync.onUpdate(update(113, 115, 111, 9, 3))).isEqualTo(UpdateOutcome.GAP);
        assertThat(sync.lastGapExpected()).isEqualTo(112);
        assertThat(sync.lastGapReceived()).isEqualTo(111);
    }

    @Test
    void futuresEventEndingExactlyAtTheSnapshotIdIsTheFirstToProcessNotAGap() {
        // Binance futures: drop u < lastUpdateId; the first processed event has U <= lastUpdateId <= u.
        BookSynchronizer sync = new BookSynchronizer("X", DepthProtocol.FUTURES);
        sync.onSnapshot(snapshot(100, 9, 12));
        assertThat(sync.onUpdate(update(95, 100, 90, 9.5, 2))).isEqualTo(UpdateOutcome.APPLIED);
        assertThat(sync.onUpdate(update(101, 104, 100, 9, 3))).isEqualTo(UpdateOutcome.APPLIED); // pu == 100
        assertThat(sync.gaps()).isZero();
        BookSynchronizer spot = new BookSynchronizer("X", DepthProtocol.SPOT);
        spot.onSnapshot(snapshot(100, 9, 12));
        assertThat(spot.onUpdate(update(95, 100, -1, 9.5, 2))).as("spot drops u <= lastUpdateId")
                .isEqualTo(UpdateOutcome.DROPPED);
    }

    @Test
    void futuresSnapshotAtAnEventEndIsContinuedByTheEventChainedToItWhenTheStraddlingOneCameEarlier() {
        // a resynchronising client dropped the event ending at 100 with its old book; the next one chains on pu
        BookSynchronizer sync = new BookSynchronizer("X", DepthProtocol.FUTURES);
        sync.onSnapshot(snapshot(100, 9, 12));
        assertThat(sync.onUpdate(update(105, 108, 100, 9, 3))).isEqualTo(UpdateOutcome.APPLIED);
        assertThat(sync.gaps()).isZero();
        BookSynchronizer unchained = new BookSynchronizer("X", DepthProtocol.FUTURES);
        unchained.onSnapshot(snapshot(100, 9, 12));
        assertThat(unchained.onUpdate(update(105, 108, 102, 9, 3))).as("pu after the snapshot: events missing")
                .isEqualTo(UpdateOutcome.GAP);
    }

    @Test
    void ignoresASnapshotOlderThanTheLiveBook() {
        BookSynchronizer sync = new BookSynchronizer("X", DepthProtocol.SPOT);
        sync.onSnapshot(snapshot(10, 9, 12));
        sync.onUpdate(update(11, 20, -1, 9.5, 1));
        assertThat(sync.onSnapshot(snapshot(15, 8, 13))).isZero();
        assertThat(sync.isLive()).isTrue();
        assertThat(sync.book().bestBidPrice()).isEqualTo(9.5);
        assertThat(sync.onUpdate(update(21, 21, -1, 9.5, 2))).isEqualTo(UpdateOutcome.APPLIED);
    }
}

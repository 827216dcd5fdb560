package com.alphacast.feeds.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.feeds.fixtures.RecordingListener;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scaffolding every replay source runs on: one start, pacing, stop on close, what ended it. */
class ReplayRunTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private record Ended(long lastNanos, Throwable failure) {
    }

    @Test
    void closingARealTimeReplayStopsItsPacedWaitAndTellsTheEndingItWasClosed() throws InterruptedException {
        ReplayRun run = new ReplayRun("hour-gap", ReplaySpeed.REALTIME);
        CountDownLatch firstDue = new CountDownLatch(1);
        List<Ended> ended = new ArrayList<>();
        run.start(() -> {
            run.awaitDue(1_000);
            firstDue.countDown();
            run.awaitDue(1_000 + Duration.ofHours(1).toNanos()); // an hour later in the recording
        }, (last, failure) -> ended.add(new Ended(last, failure)));
        assertThat(firstDue.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();

        run.close();

        assertThat(run.awaitEnd(GENEROUS)).isTrue();
        assertThat(run.failure()).isInstanceOf(ReplayRun.Stopped.class).hasMessage("closed");
        assertThat(ended).singleElement().satisfies(end -> {
            assertThat(end.lastNanos()).isEqualTo(1_000);
            assertThat(end.failure()).isSameAs(run.failure());
        });
    }

    @Test
    void aFailingPlaybackIsKeptAndTheEndingGetsTheLastReplayedTime() throws InterruptedException {
        ReplayRun run = new ReplayRun("broken", ReplaySpeed.MAX);
        IOException broken = new IOException("recording.csv: cannot read past byte 512");
        List<Ended> ended = new ArrayList<>();
        run.start(() -> {
            run.awaitDue(5);
            run.awaitDue(7);
            throw broken;
        }, (last, failure) -> ended.add(new Ended(last, failure)));

        assertThat(run.awaitEnd(GENEROUS)).isTrue();
        assertThat(run.failure()).isSameAs(broken);
        assertThat(ended).containsExactly(new Ended(7, broken));
    }

    @Test
    void refusesASecondStartNamingTheReplay() throws InterruptedException {
        ReplayRun run = new ReplayRun("once", ReplaySpeed.MAX);
        run.start(() -> { }, ReplayRun.Ending.NOTHING);

        assertThatThrownBy(() -> run.start(() -> { }, ReplayRun.Ending.NOTHING))
                .isInstanceOf(IllegalStateException.class).hasMessage("once already started");
        assertThat(run.awaitEnd(GENEROUS)).isTrue();
        assertThat(run.failure()).isNull();
    }

    @Test
    void closedRealTimeTradeReplayEndsEachSymbolDisconnectedWithTheReason() throws InterruptedException {
        TradeCsvReplay replay = new TradeCsvReplay("es-live", TestData.esSession(), "ES", ReplaySpeed.REALTIME);
        RecordingListener downstream = new RecordingListener(DepthProtocol.SPOT);
        replay.start(downstream);
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (downstream.trades() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(downstream.trades()).isPositive();

        replay.close();

        assertThat(replay.awaitEnd(GENEROUS)).isTrue();
        assertThat(downstream.trades()).isLessThan(11_101); // the session lasts hours at real time
        assertThat(downstream.health()).extracting(RecordingListener.Health::health, RecordingListener.Health::reason)
                .containsExactly(tuple(FeedHealth.LIVE, "replaying " + TestData.esSession().getFileName()),
                        tuple(FeedHealth.DISCONNECTED, "replay stopped: closed"));
    }
}

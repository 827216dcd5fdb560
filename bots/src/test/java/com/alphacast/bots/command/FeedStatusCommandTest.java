package com.alphacast.bots.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.FeedStatus;
import com.alphacast.core.usecase.feed.FeedStatusRecords;
import com.alphacast.core.usecase.feed.RecordedFeedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /status lists each instrument's feed to operators, from the feed status board, and flags records gone old. */
class FeedStatusCommandTest {

    private final RouterFixture fixture = new RouterFixture();
    /** The board as the worker left it; the test adds records. */
    private final List<RecordedFeedStatus> board = new ArrayList<>();
    private final FeedStatusRecords records = () -> List.copyOf(board);

    private CommandRouter router(Optional<FeedStatusRecords> feeds) {
        return new CommandRouter(fixture.access(), new DeskQueries(fixture.desk, fixture.desk, fixture.desk, feeds),
                fixture.operators(7), RouterFixture.replies(), fixture.time);
    }

    private String status(CommandRouter router, String userId) {
        return RouterFixture.send(router, userId, "/status").reply().orElseThrow().text();
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    @Test
    void operatorSeesEachFeedsSourceHealthSinceAndReasonAndOldRecordsFlagged() {
        Instant now = fixture.time.instant();
        Instant liveSince = now.minus(Duration.ofHours(3));
        Instant staleSince = now.minus(Duration.ofMinutes(20));
        // BTCUSDT rewritten a minute ago: current. ES last written 20 minutes ago: the worker stopped writing.
        board.add(new RecordedFeedStatus(new FeedStatus("BTCUSDT", "binance-futures", FeedHealth.LIVE,
                "binance-spot live for 30000 ms (hold-down)", nanos(liveSince)), now.minus(Duration.ofMinutes(1))));
        board.add(new RecordedFeedStatus(new FeedStatus("ES", "databento", FeedHealth.STALE,
                "no message for 5000 ms", nanos(staleSince)), staleSince));

        String answer = status(router(Optional.of(records)), "1");

        assertThat(answer).startsWith("Trading is running.").contains("Open positions: 2").contains("\nFeeds:\n");
        assertThat(answer.lines().filter(line -> line.startsWith("BTCUSDT"))).singleElement().isEqualTo(
                "BTCUSDT · binance-futures · LIVE since 2026-11-20 11:30 UTC · binance-spot live for 30000 ms (hold-down)");
        assertThat(answer.lines().filter(line -> line.startsWith("ES"))).singleElement().isEqualTo(
                "ES · databento · STALE since 2026-11-20 14:10 UTC · no message for 5000 ms · OLD RECORD: last"
                        + " written 2026-11-20 14:10 UTC, 20 min ago; is the worker running?");
    }

    @Test
    void recordTurnsOldOnlyAfterFiveMinutesWithoutAWrite() {
        Instant now = fixture.time.instant();
        board.add(new RecordedFeedStatus(new FeedStatus("ETHUSDT", "binance-spot", FeedHealth.LIVE, "",
                nanos(now.minus(Duration.ofDays(2)))), now.minus(Duration.ofMinutes(5))));
        CommandRouter router = router(Optional.of(records));

        assertThat(status(router, "1")).contains("ETHUSDT · binance-spot · LIVE since 2026-11-18 14:30 UTC")
                .doesNotContain("OLD RECORD");
        fixture.time.advance(Duration.ofSeconds(1));
        assertThat(status(router, "1")).contains("ETHUSDT · binance-spot · LIVE since 2026-11-18 14:30 UTC · OLD RECORD");
    }

    @Test
    void subscribersSeeNoFeedDetails() {
        board.add(new RecordedFeedStatus(new FeedStatus("ES", "databento", FeedHealth.DISCONNECTED, "reconnecting",
                nanos(fixture.time.instant())), fixture.time.instant()));
        CommandRouter router = router(Optional.of(records));

        for (String subscriber : List.of("2", "3", "4")) {
            assertThat(status(router, subscriber)).as("user %s", subscriber).startsWith("Trading is running.")
                    .doesNotContain("Feeds", "ES", "databento", "DISCONNECTED");
        }
    }

    @Test
    void operatorIsToldWhenNoFeedIsOnRecordOrNoBoardIsWired() {
        assertThat(status(router(Optional.of(records)), "1"))
                .endsWith("\nFeeds: no status on record (no worker has written one).");
        assertThat(status(router(Optional.empty()), "1")).endsWith("\nFeeds: no feed status board is wired here.");
    }
}

package com.alphacast.functions.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.risk.DynamoExitProgress;
import com.alphacast.core.usecase.approval.CountedPosition;
import com.alphacast.core.usecase.trading.ExitCheck;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link DynamoExitProgress} on the local cloud's control table: the risk check's wait for exits is satisfied per
 * counted position, by a check that read that position, never by a symbol's horizon alone. Each test uses its own
 * symbols, so the shared control table holds nothing another test wrote for them.
 */
class ExitWaitPerPositionTest {

    private static final Instant SIGNAL = Instant.parse("2011-07-31T22:31:00Z");
    private static final Instant BAR_AFTER = SIGNAL.plusSeconds(60);
    /** Long enough that a wait which should end at once cannot be mistaken for one that ran out, short for a test. */
    private static final Duration BOUND = Duration.ofMillis(300);

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .withoutFunctions()
            .build();

    private DynamoExitProgress progress;
    private DynamoDbClient dynamoDb;
    private String controlTable;

    @BeforeEach
    void progress(LocalCloud cloud) {
        dynamoDb = cloud.dynamoDb();
        controlTable = cloud.tableName("ControlTable");
        progress = new DynamoExitProgress(dynamoDb, controlTable, BOUND, Clock.systemUTC());
    }

    private static CountedPosition undecided(String id, String underlying) {
        return new CountedPosition(id, underlying, Optional.empty());
    }

    @Test
    void aCheckThatReadThePositionsBeforeAnApprovalDoesNotEndTheWaitForIt() {
        // The position function checked through the bar after the signal before s2 was approved (or filled).
        progress.checked("ES1", new ExitCheck(BAR_AFTER, Set.of("s1")));
        List<CountedPosition> counted = List.of(undecided("s1", "ES1"), undecided("s2", "ES1"));

        boolean beforeS2WasRead = progress.awaitChecked(SIGNAL, counted, () -> counted);
        // The order function's check after s2's fill, through the same bar: it adds s2 to what that bar covers.
        progress.checked("ES1", new ExitCheck(BAR_AFTER, Set.of("s1", "s2")));
        boolean afterS2WasRead = progress.awaitChecked(SIGNAL, counted, () -> counted);

        assertThat(beforeS2WasRead).as("the horizon alone must not end the wait").isFalse();
        assertThat(afterS2WasRead).isTrue();
        assertThat(progress.lastCheck("ES1")).contains(new ExitCheck(BAR_AFTER, Set.of("s1", "s2")));
    }

    @Test
    void twoChecksThroughTheSameBarAddUpAndAnEarlierBarNeverReplacesALaterOne() {
        progress.checked("ES2", new ExitCheck(BAR_AFTER, Set.of("s2")));
        progress.checked("ES2", new ExitCheck(BAR_AFTER, Set.of("s1")));
        progress.checked("ES2", new ExitCheck(SIGNAL, Set.of("s3")));
        progress.checked("ES2", new ExitCheck(BAR_AFTER, Set.of()));

        assertThat(progress.lastCheck("ES2")).contains(new ExitCheck(BAR_AFTER, Set.of("s1", "s2")));
    }

    @Test
    void aPositionClosedSinceItWasCountedEndsTheWaitWhenCountedAgain() {
        // s1 was counted undecided; then a check closed it, and the next one (through a later bar) no longer names it.
        progress.checked("ES3", new ExitCheck(BAR_AFTER, Set.of("s2")));
        AtomicInteger recounts = new AtomicInteger();
        List<CountedPosition> now = List.of(new CountedPosition("s1", "ES3", Optional.of(SIGNAL.minusSeconds(30))),
                undecided("s2", "ES3"));

        boolean checked = progress.awaitChecked(SIGNAL, List.of(undecided("s1", "ES3"), undecided("s2", "ES3")), () -> {
            recounts.incrementAndGet();
            return now;
        });

        assertThat(checked).isTrue();
        assertThat(recounts).hasValue(1);
    }

    @Test
    void eachPositionWaitsForTheCheckOfItsOwnSymbol() {
        progress.checked("ES4", new ExitCheck(BAR_AFTER, Set.of("s1")));
        List<CountedPosition> counted = List.of(undecided("s1", "ES4"), undecided("n1", "NQ4"));

        boolean beforeNqWasChecked = progress.awaitChecked(SIGNAL, counted, () -> counted);
        progress.checked("NQ4", new ExitCheck(SIGNAL, Set.of("n1")));
        boolean afterNqWasChecked = progress.awaitChecked(SIGNAL, counted, () -> counted);

        assertThat(beforeNqWasChecked).isFalse();
        assertThat(afterNqWasChecked).isTrue();
    }

    @Test
    void positionsWhoseExitIsDecidedAreNotWaitedFor() {
        List<CountedPosition> counted = List.of(new CountedPosition("s1", "ES5", Optional.of(BAR_AFTER)));

        assertThat(progress.awaitChecked(SIGNAL, counted, () -> counted)).isTrue();
    }

    @Test
    void aWaitEndsByTheTimeItsCallerAllowsThoughItsOwnBoundIsLonger() {
        // Nothing will ever check ES6: the wait can only run out. Its own bound is 30 s; the caller allows none.
        DynamoExitProgress shortOfTime = new DynamoExitProgress(dynamoDb, controlTable, Duration.ofSeconds(30),
                Clock.systemUTC(), () -> Duration.ofSeconds(-3));
        List<CountedPosition> counted = List.of(undecided("s1", "ES6"));

        long started = System.nanoTime();
        boolean checked = shortOfTime.awaitChecked(SIGNAL, counted, () -> counted);

        assertThat(checked).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aWaitLastsNoLongerThanItsCallerAllowsWhenThatIsLessThanItsOwnBound() {
        DynamoExitProgress halfASecond = new DynamoExitProgress(dynamoDb, controlTable, Duration.ofSeconds(30),
                Clock.systemUTC(), () -> Duration.ofMillis(500));
        List<CountedPosition> counted = List.of(undecided("s1", "ES7"));

        long started = System.nanoTime();
        boolean checked = halfASecond.awaitChecked(SIGNAL, counted, () -> counted);

        assertThat(checked).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(400),
                Duration.ofSeconds(10));
    }
}

package com.alphacast.bots.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.ManualTime;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SendSchedulerTest {

    private final ManualTime time = new ManualTime();
    private final SendScheduler scheduler = new SendScheduler(time);
    private final List<SendScheduler.Key> keys = List.of(new SendScheduler.Key("bot", RateLimit.perSecond(3)));

    @Test
    void neverAllowsMoreThanThePermitsInAnyWindow() {
        assertThat(scheduler.reserve(keys).delay()).isZero();
        assertThat(scheduler.reserve(keys).delay()).isZero();
        assertThat(scheduler.reserve(keys).delay()).isZero();
        assertThat(scheduler.reserve(keys).delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(scheduler.reserve(keys).delay()).isEqualTo(Duration.ofSeconds(1));
        time.advance(Duration.ofMillis(400));
        assertThat(scheduler.reserve(keys).delay()).isEqualTo(Duration.ofMillis(600));
        assertThat(scheduler.reserve(keys).delay()).isEqualTo(Duration.ofMillis(1600));
    }

    @Test
    void aLateSendPushesLaterSendsBack() {
        SendScheduler.Reservation first = scheduler.reserve(keys);
        time.advance(Duration.ofMillis(100));
        scheduler.reserve(keys);
        time.advance(Duration.ofMillis(100));
        scheduler.reserve(keys);
        assertThat(scheduler.wouldWait(keys)).isEqualTo(Duration.ofMillis(800));
        // The first send really went out at +250 ms (late wake-up, slow connection): the window starts there.
        scheduler.settle(keys, first, first.slot().plusMillis(250));
        assertThat(scheduler.reserve(keys).delay()).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void wouldWaitPredictsTheNextReservationAcrossPausesAndWindowsWithoutTakingIt() {
        List<SendScheduler.Key> chatAndBot = List.of(new SendScheduler.Key("chat", RateLimit.perSecond(1)),
                new SendScheduler.Key("bot", RateLimit.perSecond(3)), new SendScheduler.Key("webhook", null));
        scheduler.reserve(chatAndBot);
        scheduler.pause("webhook", time.instant().plusMillis(1500));
        Duration predicted = scheduler.wouldWait(chatAndBot);
        assertThat(predicted).isEqualTo(Duration.ofMillis(1500));
        assertThat(scheduler.wouldWait(chatAndBot)).as("asking reserves nothing").isEqualTo(predicted);
        assertThat(scheduler.reserve(chatAndBot).delay()).isEqualTo(predicted);
        assertThat(scheduler.wouldWait(chatAndBot)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void pauseHoldsEveryKeyUntilTheResetAndTheLongestPauseWins() {
        scheduler.pause("bot", time.instant().plusSeconds(30));
        scheduler.pause("bot", time.instant().plusSeconds(5));
        assertThat(scheduler.wouldWait(keys)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void backoffGrowsExponentiallyWithinTheCapAndIsNeverZero() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new SplittableRandom(3));
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = Math.min(2000, 100L << (attempt - 1));
            for (int i = 0; i < 50; i++) {
                assertThat(backoff.delay(attempt).toMillis()).isBetween(1L, ceiling);
            }
        }
    }

    @Test
    void parsesLimitsFromConfiguration() {
        assertThat(RateLimit.parse("30/1s")).isEqualTo(RateLimit.perSecond(30));
        assertThat(RateLimit.parse("20/60s")).isEqualTo(new RateLimit(20, Duration.ofMinutes(1)));
        assertThat(RateLimit.parse("100/24h")).isEqualTo(new RateLimit(100, Duration.ofHours(24)));
        assertThat(RateLimit.parse("5/2000ms")).isEqualTo(new RateLimit(5, Duration.ofSeconds(2)));
    }
}

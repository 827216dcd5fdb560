package com.alphacast.core.usecase.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryingLanguageModelTest {

    private static final ModelPrompt PROMPT = new ModelPrompt("You write briefings.", "{\"facts\":[]}", "briefing",
            "{\"type\":\"object\"}");

    /** A clock that moves only when the model waits or a request takes time. */
    private static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2026-04-02T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    private static final class ScriptedEndpoint implements ModelEndpoint {
        private final Deque<ModelAttempt> outcomes;
        private final SteppedClock clock;
        private final Duration requestTakes;
        final List<Duration> timeouts = new ArrayList<>();
        final List<Integer> maxOutputTokens = new ArrayList<>();

        ScriptedEndpoint(SteppedClock clock, Duration requestTakes, ModelAttempt... outcomes) {
            this.clock = clock;
            this.requestTakes = requestTakes;
            this.outcomes = new ArrayDeque<>(List.of(outcomes));
        }

        @Override
        public ModelAttempt attempt(ModelPrompt prompt, int maxOutput, Duration timeout) {
            timeouts.add(timeout);
            maxOutputTokens.add(maxOutput);
            clock.advance(requestTakes);
            return outcomes.removeFirst();
        }

        @Override
        public String provider() {
            return "openai";
        }

        @Override
        public String model() {
            return "gpt-4o-mini";
        }
    }

    private final SteppedClock clock = new SteppedClock();
    private final List<Duration> waits = new ArrayList<>();
    private final ModelRetryPolicy policy = new ModelRetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8),
            Duration.ofSeconds(20), Duration.ofSeconds(60));
    private final ModelPricing pricing = new ModelPricing(new BigDecimal("0.15"), new BigDecimal("0.60"));

    private RetryingLanguageModel model(ModelEndpoint endpoint, TokenBudget budget) {
        return new RetryingLanguageModel(endpoint, policy, budget, pricing, clock, duration -> {
            waits.add(duration);
            clock.advance(duration);
        });
    }

    @Test
    void honoursRetryAfterOnThrottlingThenRecordsUsageOfTheAnswer() throws Exception {
        ScriptedEndpoint endpoint = new ScriptedEndpoint(clock, Duration.ofMillis(500),
                new ModelAttempt.Transient("HTTP 429", Optional.of(Duration.ofSeconds(7))),
                new ModelAttempt.Transient("HTTP 503", Optional.empty()),
                new ModelAttempt.Answered("{\"headline\":\"x\"}", "gpt-4o-mini-2024-07-18", 1200, 300));

        ModelReply reply = model(endpoint, new TokenBudget(4000, 700)).answer(PROMPT);

        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
        assertThat(reply.text()).isEqualTo("{\"headline\":\"x\"}");
        assertThat(reply.usage().model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(reply.usage().attempts()).isEqualTo(3);
        assertThat(reply.usage().inputTokens()).isEqualTo(1200);
        assertThat(reply.usage().outputTokens()).isEqualTo(300);
        // 1200 * 0.15 / 1e6 + 300 * 0.60 / 1e6
        assertThat(reply.usage().costUsd()).isEqualByComparingTo("0.000360");
        assertThat(reply.usage().latency()).isEqualTo(Duration.ofMillis(1500).plusSeconds(9));
        assertThat(endpoint.maxOutputTokens).containsOnly(700);
    }

    @Test
    void givesUpWhenRetryAfterWouldPassTheDeadline() {
        ScriptedEndpoint endpoint = new ScriptedEndpoint(clock, Duration.ofSeconds(1),
                new ModelAttempt.Transient("HTTP 429", Optional.of(Duration.ofSeconds(120))));

        assertThatThrownBy(() -> model(endpoint, new TokenBudget(4000, 700)).answer(PROMPT))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("HTTP 429").hasMessageContaining("gave up after 1 request");
        assertThat(waits).isEmpty();
    }

    @Test
    void stopsAfterMaxAttemptsOfTimeouts() {
        ScriptedEndpoint endpoint = new ScriptedEndpoint(clock, Duration.ofSeconds(1),
                new ModelAttempt.Transient("timed out", Optional.empty()),
                new ModelAttempt.Transient("timed out", Optional.empty()),
                new ModelAttempt.Transient("timed out", Optional.empty()),
                new ModelAttempt.Transient("timed out", Optional.empty()));

        assertThatThrownBy(() -> model(endpoint, new TokenBudget(4000, 700)).answer(PROMPT))
                .isInstanceOfSatisfying(ModelUnavailableException.class,
                        e -> assertThat(e.attempts()).isEqualTo(4));
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void lastRequestGetsOnlyTheTimeLeftBeforeTheDeadline() throws Exception {
        ModelRetryPolicy tight = new ModelRetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(20), Duration.ofSeconds(30));
        ScriptedEndpoint endpoint = new ScriptedEndpoint(clock, Duration.ofSeconds(20),
                new ModelAttempt.Transient("timed out", Optional.empty()),
                new ModelAttempt.Answered("{}", "m", 1, 1));
        new RetryingLanguageModel(endpoint, tight, new TokenBudget(4000, 700), pricing, clock,
                duration -> clock.advance(duration)).answer(PROMPT);

        assertThat(endpoint.timeouts).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(9));
    }

    @Test
    void doesNotRetryAFailureThatWouldRepeat() {
        ScriptedEndpoint endpoint = new ScriptedEndpoint(clock, Duration.ZERO,
                new ModelAttempt.Failed("HTTP 401: Incorrect API key provided"));

        assertThatThrownBy(() -> model(endpoint, new TokenBudget(4000, 700)).answer(PROMPT))
                .hasMessage("openai gpt-4o-mini: HTTP 401: Incorrect API key provided");
        assertThat(endpoint.timeouts).hasSize(1);
    }

    @Test
    void refusesAPromptOverTheTokenBudgetWithoutSendingIt() {
        ScriptedEndpoint endpoint = new ScriptedEndpoint(clock, Duration.ZERO);

        assertThatThrownBy(() -> model(endpoint, new TokenBudget(10, 700)).answer(PROMPT))
                .isInstanceOfSatisfying(ModelUnavailableException.class, e -> {
                    assertThat(e.attempts()).isZero();
                    assertThat(e).hasMessageContaining("exceeds the budget of 10");
                });
        assertThat(endpoint.timeouts).isEmpty();
    }

    @Test
    void rejectsPoliciesThatCannotWork() {
        assertThatThrownBy(() -> new ModelRetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1))).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new ModelRetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10),
                Duration.ofSeconds(5))).hasMessageContaining("attempt timeout <= deadline");
        assertThatThrownBy(() -> new ModelPrompt("i", "f", "has space", "{}")).hasMessageContaining("schema name");
    }
}

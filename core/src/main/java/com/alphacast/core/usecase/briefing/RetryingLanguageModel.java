package com.alphacast.core.usecase.briefing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link LanguageModel} over one provider's {@link ModelEndpoint}: refuses prompts over the token budget
 * before sending, retries transient failures by the {@link ModelRetryPolicy}, and records model, tokens,
 * latency, attempts and cost with the answer.
 */
public final class RetryingLanguageModel implements LanguageModel {

    /** Waits between requests; a test passes one that only records. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final ModelEndpoint endpoint;
    private final ModelRetryPolicy retries;
    private final TokenBudget budget;
    private final ModelPricing pricing;
    private final Clock clock;
    private final Pause pause;

    public RetryingLanguageModel(ModelEndpoint endpoint, ModelRetryPolicy retries, TokenBudget budget,
                                 ModelPricing pricing, Clock clock, Pause pause) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.pricing = Objects.requireNonNull(pricing, "pricing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    @Override
    public String describe() {
        return endpoint.provider() + " " + endpoint.model();
    }

    @Override
    public ModelReply answer(ModelPrompt prompt) throws ModelUnavailableException {
        if (!budget.admits(prompt)) {
            throw new ModelUnavailableException(describe() + ": prompt of about " + budget.estimatePromptTokens(prompt)
                    + " tokens exceeds the budget of " + budget.maxPromptTokens() + "; not sent", 0);
        }
        Instant start = clock.instant();
        long inputTokens = 0;
        long outputTokens = 0;
        int attempts = 0;
        while (true) {
            Duration elapsed = Duration.between(start, clock.instant());
            attempts++;
            ModelAttempt attempt = endpoint.attempt(prompt, budget.maxOutputTokens(), retries.timeoutFor(elapsed));
            if (attempt instanceof ModelAttempt.Answered answered) {
                inputTokens += answered.inputTokens();
                outputTokens += answered.outputTokens();
                ModelUsage usage = new ModelUsage(endpoint.provider(), answered.model(), inputTokens, outputTokens,
                        Duration.between(start, clock.instant()), attempts, pricing.cost(inputTokens, outputTokens));
                return new ModelReply(answered.text(), usage);
            }
            if (attempt instanceof ModelAttempt.Failed failed) {
                throw new ModelUnavailableException(describe() + ": " + failed.reason(), attempts);
            }
            ModelAttempt.Transient transientFailure = (ModelAttempt.Transient) attempt;
            Optional<Duration> wait = retries.waitBeforeNext(attempts, transientFailure.retryAfter(),
                    Duration.between(start, clock.instant()));
            if (wait.isEmpty()) {
                throw new ModelUnavailableException(describe() + ": " + transientFailure.reason() + " (gave up after "
                        + attempts + (attempts == 1 ? " request" : " requests") + ")", attempts);
            }
            try {
                pause.pause(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelUnavailableException(describe() + ": interrupted while waiting to retry", attempts);
            }
        }
    }
}

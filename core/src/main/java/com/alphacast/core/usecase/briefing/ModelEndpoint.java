package com.alphacast.core.usecase.briefing;

import java.time.Duration;

/**
 * One request to a model provider, without retries: the adapters (OpenAI-compatible HTTP, Bedrock Converse)
 * implement this, and {@link RetryingLanguageModel} decides whether and when to ask again.
 */
public interface ModelEndpoint {

    /** What happened to one request, which must give up after {@code timeout}. */
    ModelAttempt attempt(ModelPrompt prompt, int maxOutputTokens, Duration timeout);

    /** {@code openai}, {@code azure-openai}, {@code bedrock}. */
    String provider();

    /** The model id asked for. */
    String model();
}

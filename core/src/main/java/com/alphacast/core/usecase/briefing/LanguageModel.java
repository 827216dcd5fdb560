package com.alphacast.core.usecase.briefing;

/**
 * A language model that writes the morning briefing's answer (OpenAI-compatible servers, Amazon Bedrock).
 * Implementations retry transient failures themselves, inside their own deadline, so a caller sees either a
 * reply or the reason there is none.
 */
public interface LanguageModel {

    /** The model's reply to {@code prompt}, or {@link ModelUnavailableException} naming why there is none. */
    ModelReply answer(ModelPrompt prompt) throws ModelUnavailableException;

    /** Provider and model id, for logs and the operators' notice ("openai gpt-4o-mini"). */
    String describe();
}

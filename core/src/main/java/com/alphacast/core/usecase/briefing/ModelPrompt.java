package com.alphacast.core.usecase.briefing;

import java.util.Objects;

/**
 * What a model is asked: instructions, the facts as JSON, and the JSON Schema its answer must follow.
 *
 * @param instructions    the system prompt
 * @param facts           the user message (the day's facts as JSON, and on a retry the validation errors)
 * @param schemaName      the schema's name, as structured-output APIs require ({@code ^[a-zA-Z0-9_-]{1,64}$})
 * @param answerSchema    the answer's JSON Schema, as JSON text
 */
public record ModelPrompt(String instructions, String facts, String schemaName, String answerSchema) {

    public ModelPrompt {
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(answerSchema, "answerSchema");
        if (schemaName == null || !schemaName.matches("[a-zA-Z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("schema name must match [a-zA-Z0-9_-]{1,64}, was '" + schemaName + "'");
        }
    }

    /** Characters the model reads, for the token budget's estimate. */
    public int length() {
        return instructions.length() + facts.length() + answerSchema.length();
    }
}

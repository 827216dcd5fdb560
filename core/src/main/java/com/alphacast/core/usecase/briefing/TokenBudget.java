package com.alphacast.core.usecase.briefing;

/**
 * How many tokens one briefing may spend: the prompt is refused before it is sent when its estimate exceeds
 * {@code maxPromptTokens} (nothing is billed), and the model may write at most {@code maxOutputTokens}.
 * The estimate is deliberately pessimistic (three characters per token; English JSON averages about four)
 * because no tokenizer ships with every provider.
 */
public record TokenBudget(int maxPromptTokens, int maxOutputTokens) {

    private static final int CHARACTERS_PER_TOKEN = 3;

    public TokenBudget {
        if (maxPromptTokens < 1 || maxOutputTokens < 1) {
            throw new IllegalArgumentException("token budget must be positive, was prompt " + maxPromptTokens
                    + ", output " + maxOutputTokens);
        }
    }

    public int estimatePromptTokens(ModelPrompt prompt) {
        return (prompt.length() + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
    }

    /** True when the prompt's estimate fits the budget. */
    public boolean admits(ModelPrompt prompt) {
        return estimatePromptTokens(prompt) <= maxPromptTokens;
    }
}

package com.alphacast.core.briefing.answer;

import java.util.List;
import java.util.Objects;

/**
 * What the language model must fill, in the shape of {@code briefing-answer.schema.json} (JSON keys in snake case:
 * {@code headline, bias, bias_reasons, key_levels, scenarios, risks}). A parsed answer is only a shape: whether it
 * may be published is {@link AnswerValidator}'s decision.
 */
public record BriefingAnswer(String headline, Bias bias, List<String> biasReasons, List<KeyLevel> keyLevels,
                             List<Scenario> scenarios, List<String> risks) {

    public BriefingAnswer {
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(bias, "bias");
        biasReasons = List.copyOf(biasReasons);
        keyLevels = List.copyOf(keyLevels);
        scenarios = List.copyOf(scenarios);
        risks = List.copyOf(risks);
    }
}

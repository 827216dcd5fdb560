package com.alphacast.core.briefing.answer;

import com.alphacast.core.briefing.BriefingText;
import com.alphacast.core.briefing.Fact;
import com.alphacast.core.briefing.FactIds;
import com.alphacast.core.briefing.FactSheet;
import com.alphacast.core.briefing.TemplateBriefing;
import com.alphacast.core.distribution.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a validated answer as each tier reads it: premium everything, basic the headline, bias with its first
 * reason and the key levels, free a teaser (headline and bias) that fits one X post. Every tier's text carries the
 * session line from the facts, so an early-close day is always announced whatever the model wrote. The validator
 * measures exactly these texts against the platforms' limits.
 */
public final class AnswerBriefing {

    public BriefingText compose(BriefingAnswer answer, FactSheet facts, Tier tier) {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(facts, "facts");
        List<String> blocks = new ArrayList<>();
        String session = TemplateBriefing.sessionLine(facts);
        switch (Objects.requireNonNull(tier, "tier")) {
            case PREMIUM -> {
                blocks.add(session);
                blocks.add(bias(answer, answer.biasReasons()));
                blocks.add(levels(answer, facts));
                blocks.add(list("Scenarios", answer.scenarios().stream()
                        .map(s -> "If " + s.condition() + ": " + s.outcome()).toList()));
                blocks.add(list("Risks", answer.risks()));
            }
            case BASIC -> {
                blocks.add(session);
                blocks.add(bias(answer, answer.biasReasons().isEmpty() ? List.of() : answer.biasReasons().subList(0, 1)));
                blocks.add(levels(answer, facts));
            }
            case FREE -> {
                if (facts.has(FactIds.SESSION_EARLY_CLOSE)) {
                    blocks.add(session);
                }
                blocks.add("Bias: " + answer.bias().key() + ". Levels and scenarios are in the members' briefing.");
            }
        }
        String body = String.join("\n\n", blocks.stream().filter(b -> !b.isEmpty()).toList());
        return new BriefingText(tier, BriefingText.Source.MODEL, answer.headline(), body);
    }

    private static String bias(BriefingAnswer answer, List<String> reasons) {
        return list("Bias: " + answer.bias().key(), reasons);
    }

    private static String levels(BriefingAnswer answer, FactSheet facts) {
        return list("Key levels", answer.keyLevels().stream().map(level -> {
            String label = facts.fact(level.fact()).map(Fact::label).orElse(level.fact());
            String value = facts.fact(level.fact()).map(Fact::displayWithUnit).orElse("");
            return label + " " + value + ": " + level.note();
        }).toList());
    }

    private static String list(String title, List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        return title + "\n- " + String.join("\n- ", items);
    }
}

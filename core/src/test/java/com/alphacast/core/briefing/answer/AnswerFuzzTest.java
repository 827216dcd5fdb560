package com.alphacast.core.briefing.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.briefing.BriefingSheets;
import com.alphacast.core.briefing.FactSheet;
import com.alphacast.core.fuzz.FuzzTries;
import com.alphacast.core.fuzz.InputMutator;
import org.junit.jupiter.api.Test;

class AnswerFuzzTest {

    private static final FactSheet SPY = BriefingSheets.spyChainOnly();
    private static final String VALID = """
            {"headline": "SPY at 658.05 under zero gamma 668.50", "bias": "bearish",
             "bias_reasons": ["Spot is 10.45 under the flip."],
             "key_levels": [{"fact": "gex.zero_gamma", "value": 668.5, "note": "Gamma flip"}],
             "scenarios": [{"condition": "Loses 655", "outcome": "Extends lower"}],
             "risks": ["Short covering above 670"]}
            """;

    private final AnswerValidator validator = new AnswerValidator(new BriefingAnswerParser(), new AnswerBriefing());

    @Test
    void aMutatedAnswerIsEitherAcceptedOrRejectedWithReasonsNeverAnException() {
        assertThat(validator.check(VALID, SPY).accepted()).isTrue();
        new FuzzTries("mutated briefing answers", 1000, 300).check(
                random -> InputMutator.mutate(VALID, random, 1 + random.nextInt(4)),
                mutated -> {
                    AnswerVerdict verdict = validator.check(mutated, SPY);
                    assertThat(verdict.accepted() || !verdict.violations().isEmpty()).isTrue();
                    verdict.violations().forEach(v -> assertThat(v.reason()).isNotBlank());
                    if (verdict.accepted()) {
                        // Whatever survived the mutation still cites only facts: re-validating the parsed answer agrees.
                        assertThat(validator.validate(verdict.answer().orElseThrow(), SPY)).isEmpty();
                    }
                });
    }
}

package com.alphacast.core.briefing.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.briefing.BriefingSheets;
import com.alphacast.core.briefing.BriefingText;
import com.alphacast.core.briefing.FactSheet;
import com.alphacast.core.briefing.TemplateBriefing;
import com.alphacast.core.distribution.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerValidatorTest {

    private static final FactSheet SPY = BriefingSheets.spyChainOnly();

    private final AnswerValidator validator = new AnswerValidator(new BriefingAnswerParser(), new AnswerBriefing());

    private static final String VALID = """
            {"headline": "SPY at 658.05 sits below zero gamma (668.50) with net GEX at -3.92 bn",
             "bias": "bearish",
             "bias_reasons": ["Spot is 10.45 points, or 1.56%, under the zero-gamma level of 668.50.",
                              "Put GEX of -9.83 bn outweighs call GEX of 5.91 bn per 1% move."],
             "key_levels": [{"fact": "gex.zero_gamma", "value": 668.5, "note": "Gamma flip: above it dealer hedging dampens moves"},
                            {"fact": "gex.put_wall", "value": 655, "note": "Largest put exposure, 3.05 below spot"},
                            {"fact": "gex.call_wall", "value": 670.00, "note": "Largest call exposure"}],
             "scenarios": [{"condition": "SPY loses the 655 put wall", "outcome": "Negative gamma can extend the move"},
                           {"condition": "SPY reclaims 668.5", "outcome": "Hedging turns stabilising"}],
             "risks": ["A put/call ratio of 4.22 can fuel a short-covering rally."]}
            """;

    @Test
    void acceptsAnAnswerWhoseEveryNumberIsAFactOrADocumentedDerivedValue() {
        AnswerVerdict verdict = validator.check(VALID, SPY);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.accepted()).isTrue();
        BriefingAnswer answer = verdict.publishable().orElseThrow();
        assertThat(answer.bias()).isEqualTo(Bias.BEARISH);
        assertThat(answer.keyLevels()).extracting(KeyLevel::fact)
                .containsExactly("gex.zero_gamma", "gex.put_wall", "gex.call_wall");
    }

    @Test
    void catchesAnInventedLevelAndAWrongValue() {
        String invented = VALID.replace("{\"fact\": \"gex.call_wall\", \"value\": 670.00",
                        "{\"fact\": \"gex.gamma_flip\", \"value\": 672.25")
                .replace("\"value\": 668.5,", "\"value\": 668.4,");

        AnswerVerdict verdict = validator.check(invented, SPY);

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.publishable()).isEmpty();
        assertThat(verdict.violations()).extracting(Violation::toString).contains(
                "key_levels[0].value: 668.4 does not equal gex.zero_gamma (668.50)");
        assertThat(verdict.violations()).anySatisfy(v -> {
            assertThat(v.path()).isEqualTo("key_levels[2].fact");
            assertThat(v.reason()).startsWith("gex.gamma_flip is not a fact; price facts are: gex.spot, gex.zero_gamma");
        });
    }

    @Test
    void catchesANumberInTheTextThatIsNoFact() {
        AnswerVerdict verdict = validator.check(VALID.replace("Largest call exposure", "Target 675 then 680.25"), SPY);

        assertThat(verdict.violations()).extracting(Violation::toString).containsExactly(
                "key_levels[2].note: 675 is not a fact's value at its display precision, nor a documented derived value",
                "key_levels[2].note: 680.25 is not a fact's value at its display precision, nor a documented derived value");
    }

    @Test
    void aFactRoundedBelowItsDisplayPrecisionIsNotTheFact() {
        AnswerVerdict verdict = validator.check(VALID.replace("SPY reclaims 668.5", "SPY reclaims 668"), SPY);

        assertThat(verdict.violations()).extracting(Violation::path).containsExactly("scenarios[1].condition");
    }

    @Test
    void aSignFlipIsCaughtButAnAbsoluteValueIsAllowed() {
        assertThat(validator.check(VALID.replace("Put GEX of -9.83 bn", "Put GEX of 9.83 bn"), SPY).accepted()).isTrue();
        assertThat(validator.check(VALID.replace("call GEX of 5.91 bn", "call GEX of -5.91 bn"), SPY).violations())
                .extracting(Violation::reason).containsExactly(
                        "-5.91 is not a fact's value at its display precision, nor a documented derived value");
    }

    @Test
    void aPercentSignNeedsAPercentFactOrAPercentDifference() {
        assertThat(validator.check(VALID.replace("Largest call exposure", "Net GEX is 3.92 % of nothing"), SPY).violations())
                .extracting(Violation::toString).containsExactly(
                        "key_levels[2].note: 3.92% is not a percent fact nor a percent difference of two price facts");
    }

    @Test
    void aLevelOnAnAbsentFactSaysWhyItIsAbsent() {
        AnswerVerdict verdict = validator.check("""
                {"headline": "No data", "bias": "neutral", "bias_reasons": ["Nothing to go on."],
                 "key_levels": [{"fact": "gex.zero_gamma", "value": 668.5, "note": "flip"}],
                 "scenarios": [{"condition": "Anything", "outcome": "Unknown"}], "risks": []}
                """, BriefingSheets.nothing());

        assertThat(verdict.violations()).extracting(Violation::toString).containsExactly(
                "key_levels[0].fact: gex.zero_gamma is absent (no option chain)");
    }

    @Test
    void timesAndDatesMustBeThoseOfTheFacts() {
        FactSheet earlyClose = BriefingSheets.earlyCloseDay();
        String answer = """
                {"headline": "Half day on 2026-11-27: the close is at 13:00", "bias": "range",
                 "bias_reasons": ["Thin trading before the 1:00 pm close on November 27."],
                 "key_levels": [{"fact": "prior.high", "value": 398, "note": "Prior high"}],
                 "scenarios": [{"condition": "Holds 396.33", "outcome": "Drifts to 398.00"}],
                 "risks": ["Liquidity fades after 12:30 and CPI lands on 2026-11-30."]}
                """;

        AnswerVerdict verdict = validator.check(answer, earlyClose);

        assertThat(verdict.violations()).extracting(Violation::toString).containsExactly(
                "risks[0]: time 12:30 is not a time of the facts (09:30, 13:00)",
                "risks[0]: date 2026-11-30 is not a date of the facts");
    }

    @Test
    void rejectsWhatIsNotJsonWithTheParserPosition() {
        AnswerVerdict verdict = validator.check("{\"headline\": \"SPY\", \"bias\": ", SPY);

        assertThat(verdict.answer()).isEmpty();
        assertThat(verdict.violations()).hasSize(1);
        assertThat(verdict.violations().get(0).toString()).startsWith("$: not valid JSON at line 1, column");
        assertThat(validator.check("Sure! Here is the briefing.", SPY).violations().get(0).reason())
                .startsWith("not valid JSON");
        assertThat(validator.check("", SPY).describe()).isEqualTo("$: the answer is empty");
    }

    @Test
    void reportsEveryShapeErrorAtOnce() {
        AnswerVerdict verdict = validator.check("""
                {"headline": 5, "bias": "very bullish", "key_levels": [{"fact": "gex.spot"}, 3],
                 "scenarios": "up", "risks": [], "confidence": 0.9}
                """, SPY);

        assertThat(verdict.violations()).extracting(Violation::toString).containsExactly(
                "bias_reasons: required field is missing",
                "$: unknown field \"confidence\" (allowed: bias, bias_reasons, headline, key_levels, risks, scenarios)",
                "headline: expected a string, found a number",
                "bias: \"very bullish\" is not one of bullish, bearish, neutral, range",
                "key_levels[0].note: required field is missing",
                "key_levels[0].value: required field is missing",
                "key_levels[1]: expected an object, found a number",
                "scenarios: expected an array, found a string");
    }

    @Test
    void acceptsOneMarkdownFenceAroundTheJsonAndNothingElse() {
        assertThat(validator.check("```json\n" + VALID + "```", SPY).accepted()).isTrue();
        assertThat(validator.check("Here you go:\n```json\n" + VALID + "```", SPY).accepted()).isFalse();
    }

    @Test
    void enforcesCountsAndLengths() {
        String longHeadline = "x".repeat(AnswerValidator.MAX_HEADLINE + 1);
        AnswerVerdict verdict = validator.check(VALID.replace("SPY at 658.05 sits below zero gamma (668.50) with net GEX at -3.92 bn",
                longHeadline).replace("\"risks\": [", "\"risks\": [\"a\", \"b\", \"c\", \"d\", "), SPY);

        assertThat(verdict.violations()).extracting(Violation::toString).containsExactly(
                "headline: has 121 characters, more than 120", "risks: has 5 items, expected 0 to 4");
    }

    @Test
    void aPremiumBriefingLongerThanTelegramAllowsIsRejectedWithItsLength() {
        String reason = "\"" + "r".repeat(AnswerValidator.MAX_REASON) + "\"";
        String note = "r".repeat(AnswerValidator.MAX_NOTE);
        StringBuilder levels = new StringBuilder();
        for (String fact : List.of("gex.spot", "gex.zero_gamma", "gex.call_wall", "gex.put_wall", "gex.top_strike.1",
                "gex.top_strike.2", "gex.top_strike.3")) {
            SPY.quantity(fact).orElseThrow();
            levels.append(levels.length() == 0 ? "" : ",").append("{\"fact\": \"").append(fact).append("\", \"value\": ")
                    .append(SPY.quantity(fact).orElseThrow().display()).append(", \"note\": \"").append(note).append("\"}");
        }
        String part = "\"" + "s".repeat(AnswerValidator.MAX_SCENARIO_PART) + "\"";
        String scenario = "{\"condition\": " + part + ", \"outcome\": " + part + "}";
        String answer = "{\"headline\": \"Long\", \"bias\": \"range\", \"bias_reasons\": [" + String.join(",", reason, reason,
                reason, reason) + "], \"key_levels\": [" + levels + "], \"scenarios\": [" + String.join(",", scenario,
                scenario, scenario, scenario) + "], \"risks\": [" + String.join(",", reason, reason, reason, reason) + "]}";

        AnswerVerdict verdict = validator.check(answer, SPY);

        assertThat(verdict.violations()).extracting(Violation::path).containsOnly("$");
        assertThat(verdict.violations()).extracting(Violation::reason).anySatisfy(r ->
                assertThat(r).matches("the premium briefing has \\d+ characters as TELEGRAM_MESSAGE counts them, more than its 4096"));
    }

    @Test
    void theTemplateBriefingItselfCitesOnlyFacts() {
        TemplateBriefing template = new TemplateBriefing();
        for (FactSheet sheet : List.of(SPY, BriefingSheets.nothing(), BriefingSheets.earlyCloseDay())) {
            CitedNumbers cited = new CitedNumbers(sheet);
            for (Tier tier : Tier.values()) {
                BriefingText text = template.compose(sheet, tier);
                // Reasons for absent facts may quote a required count ("needs 21 daily closes"); they are not numbers
                // about the market, so only the lines listing facts are checked.
                String facts = text.text().lines().filter(l -> !l.contains("left out") && !l.contains("not available"))
                        .reduce("", (a, b) -> a + "\n" + b);
                assertThat(cited.uncited(facts)).as(tier + "\n" + text.text()).isEmpty();
            }
        }
    }

    @Test
    void theModelsBriefingAnnouncesTheEarlyCloseInEveryTier() {
        FactSheet earlyClose = BriefingSheets.earlyCloseDay();
        BriefingAnswer answer = validator.check(VALID, earlyClose).answer().orElseThrow();
        AnswerBriefing briefing = new AnswerBriefing();
        for (Tier tier : Tier.values()) {
            BriefingText text = briefing.compose(answer, earlyClose, tier);
            assertThat(text.source()).isEqualTo(BriefingText.Source.MODEL);
            assertThat(text.text()).as(tier.key())
                    .contains("Early close (Day after Thanksgiving Day): the market closes at 13:00 ET.");
        }
        assertThat(briefing.compose(answer, earlyClose, Tier.PREMIUM).text())
                .contains("Zero gamma 668.50: Gamma flip", "If SPY loses the 655 put wall: Negative gamma");
        assertThat(briefing.compose(answer, earlyClose, Tier.FREE).text()).doesNotContain("Key levels", "Scenarios");
    }
}

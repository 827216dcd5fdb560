package com.alphacast.core.briefing.answer;

import com.alphacast.core.briefing.BriefingText;
import com.alphacast.core.briefing.Fact;
import com.alphacast.core.briefing.FactSheet;
import com.alphacast.core.briefing.PlatformLimit;
import com.alphacast.core.briefing.Unit;
import com.alphacast.core.distribution.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a model's answer may be published (docs/market-calendar-and-briefing-facts.md, "Validating an
 * answer"), reporting every violation with its path so the one retry can show the model all its errors:
 * <ul>
 *   <li>the shape of {@code briefing-answer.schema.json} ({@link BriefingAnswerParser});</li>
 *   <li>counts and lengths: headline 1–{@value #MAX_HEADLINE} characters, 1–4 bias reasons, 1–8 key levels,
 *       1–4 scenarios, 0–4 risks, each text non-blank, on one line and within its limit;</li>
 *   <li>every key level names a present price fact, once, and repeats its value at display precision;</li>
 *   <li>every number, time and date in every text is cited from the facts ({@link CitedNumbers});</li>
 *   <li>the text each tier would receive ({@link AnswerBriefing}) fits every platform that tier is sent to.</li>
 * </ul>
 */
public final class AnswerValidator {

    public static final int MAX_HEADLINE = 120;
    public static final int MAX_REASON = 300;
    public static final int MAX_NOTE = 200;
    public static final int MAX_SCENARIO_PART = 300;
    public static final int MAX_RISK = 300;

    private final BriefingAnswerParser parser;
    private final AnswerBriefing briefing;

    public AnswerValidator(BriefingAnswerParser parser, AnswerBriefing briefing) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.briefing = Objects.requireNonNull(briefing, "briefing");
    }

    /** Parses the model's raw answer and validates it against the facts. */
    public AnswerVerdict check(String rawAnswer, FactSheet facts) {
        Objects.requireNonNull(facts, "facts");
        AnswerVerdict parsed = parser.parse(rawAnswer);
        if (parsed.answer().isEmpty()) {
            return parsed;
        }
        return new AnswerVerdict(parsed.answer(), validate(parsed.answer().get(), facts));
    }

    /** Every reason {@code answer} may not be published; empty when it may. */
    public List<Violation> validate(BriefingAnswer answer, FactSheet facts) {
        List<Violation> violations = new ArrayList<>();
        CitedNumbers cited = new CitedNumbers(facts);
        text("headline", answer.headline(), MAX_HEADLINE, cited, violations);
        count("bias_reasons", answer.biasReasons().size(), 1, 4, violations);
        for (int i = 0; i < answer.biasReasons().size(); i++) {
            text("bias_reasons[" + i + "]", answer.biasReasons().get(i), MAX_REASON, cited, violations);
        }
        count("key_levels", answer.keyLevels().size(), 1, 8, violations);
        Set<String> named = new HashSet<>();
        for (int i = 0; i < answer.keyLevels().size(); i++) {
            KeyLevel level = answer.keyLevels().get(i);
            String path = "key_levels[" + i + "]";
            level(path, level, facts, violations);
            if (!named.add(level.fact())) {
                violations.add(new Violation(path + ".fact", level.fact() + " is already a key level"));
            }
            text(path + ".note", level.note(), MAX_NOTE, cited, violations);
        }
        count("scenarios", answer.scenarios().size(), 1, 4, violations);
        for (int i = 0; i < answer.scenarios().size(); i++) {
            Scenario scenario = answer.scenarios().get(i);
            text("scenarios[" + i + "].condition", scenario.condition(), MAX_SCENARIO_PART, cited, violations);
            text("scenarios[" + i + "].outcome", scenario.outcome(), MAX_SCENARIO_PART, cited, violations);
        }
        count("risks", answer.risks().size(), 0, 4, violations);
        for (int i = 0; i < answer.risks().size(); i++) {
            text("risks[" + i + "]", answer.risks().get(i), MAX_RISK, cited, violations);
        }
        for (Tier tier : Tier.values()) {
            BriefingText text = briefing.compose(answer, facts, tier);
            for (PlatformLimit platform : PlatformLimit.forTier(tier)) {
                int length = platform.length(text.text());
                if (length > platform.limit()) {
                    violations.add(new Violation("$", "the " + tier.key() + " briefing has " + length
                            + " characters as " + platform + " counts them, more than its " + platform.limit()));
                }
            }
        }
        return List.copyOf(violations);
    }

    private static void level(String path, KeyLevel level, FactSheet facts, List<Violation> violations) {
        Optional<Fact> fact = facts.fact(level.fact());
        if (fact.isEmpty()) {
            String why = facts.absence(level.fact()).map(a -> " is absent (" + a.reason() + ")")
                    .orElse(" is not a fact; price facts are: " + String.join(", ", priceFacts(facts)));
            violations.add(new Violation(path + ".fact", level.fact() + why));
            return;
        }
        if (!(fact.get() instanceof Fact.Quantity quantity) || quantity.unit() != Unit.PRICE) {
            violations.add(new Violation(path + ".fact", level.fact() + " is not a price level; price facts are: "
                    + String.join(", ", priceFacts(facts))));
            return;
        }
        if (!Double.isFinite(level.value())
                || BigDecimal.valueOf(level.value()).compareTo(quantity.rounded()) != 0) {
            violations.add(new Violation(path + ".value", level.value() + " does not equal " + level.fact() + " ("
                    + quantity.display() + ")"));
        }
    }

    private static List<String> priceFacts(FactSheet facts) {
        return facts.facts().stream().filter(f -> f instanceof Fact.Quantity q && q.unit() == Unit.PRICE)
                .map(Fact::id).toList();
    }

    private static void count(String path, int size, int min, int max, List<Violation> violations) {
        if (size < min || size > max) {
            violations.add(new Violation(path, "has " + size + " items, expected " + min + " to " + max));
        }
    }

    private static void text(String path, String text, int max, CitedNumbers cited, List<Violation> violations) {
        if (text.isBlank()) {
            violations.add(new Violation(path, "is blank"));
            return;
        }
        if (text.length() > max) {
            violations.add(new Violation(path, "has " + text.length() + " characters, more than " + max));
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation(path, "contains a line break or control character (one line of plain text expected)"));
        }
        for (String problem : cited.uncited(text)) {
            violations.add(new Violation(path, problem));
        }
    }
}

package com.alphacast.core.briefing.answer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of checking one answer: the parsed answer (when the JSON had the right shape) and every violation.
 * Only an answer with no violation may be published.
 */
public record AnswerVerdict(Optional<BriefingAnswer> answer, List<Violation> violations) {

    public AnswerVerdict {
        Objects.requireNonNull(answer, "answer");
        violations = List.copyOf(violations);
        if (answer.isEmpty() && violations.isEmpty()) {
            throw new IllegalArgumentException("a verdict without an answer must say why");
        }
    }

    public boolean accepted() {
        return answer.isPresent() && violations.isEmpty();
    }

    /** The answer, only when it may be published. */
    public Optional<BriefingAnswer> publishable() {
        return accepted() ? answer : Optional.empty();
    }

    /** One violation per line, for the retry prompt and the operators' log. */
    public String describe() {
        return accepted() ? "accepted" : violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
    }
}

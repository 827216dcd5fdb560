package com.alphacast.core.usecase.briefing;

import com.alphacast.core.briefing.AbsentFact;
import com.alphacast.core.briefing.Fact;
import com.alphacast.core.briefing.FactSheet;
import com.alphacast.core.briefing.answer.AnswerSchema;
import com.alphacast.core.briefing.answer.Violation;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What the model is asked for a briefing: fixed instructions, the fact sheet as JSON (every fact with its id,
 * label, display value and unit; absent facts with their reason, so the model knows what not to mention) and
 * the answer schema. A retry repeats the facts with the previous answer's violations.
 */
public final class MorningPrompt {

    static final String INSTRUCTIONS = """
            You write the pre-market briefing of a trading-signal service. Use only the facts given as JSON. \
            Every number you write must be the display value of a fact exactly as given (same decimals), a \
            difference of two facts, or a gap in percent; write counts and ordinals in words. Every key level must \
            name the id of a price fact and repeat its value. Do not mention absent facts except to say they are \
            missing. Answer with one JSON object that follows the schema.""";

    private final JsonFactory json = new JsonFactory();
    private final AnswerSchema schema;

    public MorningPrompt(AnswerSchema schema) {
        this.schema = schema;
    }

    public ModelPrompt first(FactSheet facts) {
        return new ModelPrompt(INSTRUCTIONS, factsJson(facts, List.of()), AnswerSchema.NAME, schema.json());
    }

    /** The retry: the same facts, and why the previous answer was rejected. */
    public ModelPrompt retry(FactSheet facts, List<Violation> violations) {
        return new ModelPrompt(INSTRUCTIONS, factsJson(facts, violations), AnswerSchema.NAME, schema.json());
    }

    /** The facts as the model reads them. */
    public String factsJson(FactSheet facts, List<Violation> previousViolations) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("instrument", facts.instrument());
            generator.writeStringField("session", facts.sessionDate().toString());
            generator.writeArrayFieldStart("facts");
            for (Fact fact : facts.facts()) {
                generator.writeStartObject();
                generator.writeStringField("id", fact.id());
                generator.writeStringField("label", fact.label());
                if (fact instanceof Fact.Quantity quantity) {
                    generator.writeNumberField("value", quantity.rounded());
                    generator.writeStringField("unit", quantity.unit().suffix());
                } else {
                    generator.writeStringField("value", fact.display());
                }
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeArrayFieldStart("absent");
            for (AbsentFact absent : facts.absent()) {
                generator.writeStartObject();
                generator.writeStringField("id", absent.id());
                generator.writeStringField("reason", absent.reason());
                generator.writeEndObject();
            }
            generator.writeEndArray();
            if (!previousViolations.isEmpty()) {
                generator.writeArrayFieldStart("your_previous_answer_was_rejected_because");
                for (Violation violation : previousViolations) {
                    generator.writeString(violation.toString());
                }
                generator.writeEndArray();
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

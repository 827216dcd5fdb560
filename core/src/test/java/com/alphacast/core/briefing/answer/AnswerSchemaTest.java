package com.alphacast.core.briefing.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.briefing.BriefingSheets;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerSchemaTest {

    private final String schema = new AnswerSchema().json();

    @Test
    void everyObjectRequiresAllItsPropertiesAndAllowsNoOthersAsStrictModeDemands() throws Exception {
        // Strict structured output (OpenAI json_schema strict, Bedrock) needs "required" to list every property and
        // "additionalProperties": false on every object.
        int closedObjects = 0;
        try (JsonParser p = new JsonFactory().createParser(schema)) {
            int depth = 0;
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("additionalProperties")) {
                    p.nextToken();
                    assertThat(p.currentToken()).isEqualTo(JsonToken.VALUE_FALSE);
                    closedObjects++;
                }
                depth += p.currentToken() == JsonToken.START_OBJECT ? 1 : p.currentToken() == JsonToken.END_OBJECT ? -1 : 0;
            }
            assertThat(depth).isZero();
        }
        assertThat(closedObjects).as("the answer, a key level, a scenario").isEqualTo(3);
        assertThat(schema).contains("\"required\": [\"headline\", \"bias\", \"bias_reasons\", \"key_levels\", \"scenarios\", \"risks\"]",
                "\"required\": [\"fact\", \"value\", \"note\"]", "\"required\": [\"condition\", \"outcome\"]",
                "\"enum\": [\"bullish\", \"bearish\", \"neutral\", \"range\"]");
    }

    @Test
    void theParserAcceptsExactlyTheSchemasFieldNames() {
        String answer = """
                {"headline": "Quiet", "bias": "neutral", "bias_reasons": ["Nothing stands out."],
                 "key_levels": [{"fact": "gex.spot", "value": 658.05, "note": "Spot"}],
                 "scenarios": [{"condition": "Holds", "outcome": "Drifts"}], "risks": []}
                """;
        assertThat(new AnswerValidator(new BriefingAnswerParser(), new AnswerBriefing())
                .check(answer, BriefingSheets.spyChainOnly()).accepted()).isTrue();
        for (String field : List.of("headline", "bias", "bias_reasons", "key_levels", "scenarios", "risks", "fact",
                "value", "note", "condition", "outcome")) {
            assertThat(schema).contains("\"" + field + "\": {");
        }
    }
}

package com.alphacast.fakes.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fake model's analyst for {@code ./alphacast morning --llm fake} and the demo: a well-behaved model that
 * answers the briefing's schema by quoting the fact sheet it was sent (the user message's JSON), so its answer
 * passes validation on any day and chain. Key levels are the price facts present among zero gamma, the walls,
 * spot, the prior session's high, low and close and the overnight high and low, each with its value exactly as
 * given; every number in its text is such a value. It has no view of the market: the bias is always
 * {@code neutral}. A request without facts gets an answer with no key level, which the validator refuses.
 */
public final class FactQuotingAnalyst implements Function<JsonNode, String> {

    /** Price facts in the order a level is worth naming. */
    private static final List<String> LEVELS = List.of("gex.zero_gamma", "gex.call_wall", "gex.put_wall", "gex.spot",
            "prior.close", "prior.high", "prior.low", "overnight.high", "overnight.low");
    private static final int MAX_LEVELS = 4;

    // exact decimals: a fact shown as 668.50 is quoted as 668.50, not 668.5
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private record Level(String id, String label, JsonNode value) {
        String shown() {
            return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
        }
    }

    @Override
    public String apply(JsonNode request) {
        JsonNode sheet = factSheet(request);
        Map<String, Level> present = new LinkedHashMap<>();
        for (JsonNode fact : sheet.path("facts")) {
            present.put(fact.path("id").asText(), new Level(fact.path("id").asText(), fact.path("label").asText(),
                    fact.path("value")));
        }
        List<Level> levels = new ArrayList<>();
        for (String id : LEVELS) {
            Level level = present.get(id);
            if (level != null && level.value().isNumber() && levels.size() < MAX_LEVELS) {
                levels.add(level);
            }
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("headline", sheet.path("instrument").asText("The market") + " pre-market: the levels our data marks");
        answer.put("bias", "neutral");
        ArrayNode reasons = answer.putArray("bias_reasons");
        ArrayNode keyLevels = answer.putArray("key_levels");
        for (Level level : levels) {
            keyLevels.addObject().put("fact", level.id()).put("value", level.value().decimalValue())
                    .put("note", level.label() + " from our own data.");
        }
        if (levels.isEmpty()) {
            reasons.add("No price level is known for this session.");
        } else {
            reasons.add(levels.get(0).label() + " stands at " + levels.get(0).shown() + ".");
        }
        ArrayNode scenarios = answer.putArray("scenarios");
        if (levels.size() >= 2) {
            scenarios.addObject().put("condition", "Price trades through " + levels.get(0).label() + " at "
                    + levels.get(0).shown()).put("outcome", levels.get(1).label() + " at " + levels.get(1).shown()
                    + " is the next level to watch.");
        } else {
            scenarios.addObject().put("condition", "Price holds the levels above")
                    .put("outcome", "the session stays inside them.");
        }
        ArrayNode risks = answer.putArray("risks");
        if (!sheet.path("absent").isEmpty()) {
            risks.add("Some facts are missing from this sheet and are left out of the view.");
        }
        return answer.toString();
    }

    /** The fact sheet: the JSON of the last user message. */
    private JsonNode factSheet(JsonNode request) {
        String content = "{}";
        for (JsonNode message : request.path("messages")) {
            if ("user".equals(message.path("role").asText()) && message.path("content").isTextual()) {
                content = message.path("content").asText();
            }
        }
        try {
            return json.readTree(content);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}

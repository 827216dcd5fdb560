package com.alphacast.fakes.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FactQuotingAnalystTest {

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private JsonNode request(String factSheet) throws Exception {
        return json.readTree(json.createObjectNode().set("messages", json.createArrayNode()
                .add(json.createObjectNode().put("role", "system").put("content", "Write the briefing."))
                .add(json.createObjectNode().put("role", "user").put("content", factSheet))).toString());
    }

    @Test
    void quotesThePriceFactsItWasSentAtTheirDisplayValueAndNoOtherNumber() throws Exception {
        String sheet = """
                {"instrument":"SPY","session":"2025-09-26","facts":[
                 {"id":"session.close","label":"Session close","value":"16:00"},
                 {"id":"gex.spot","label":"Spot (option chain)","value":658.05,"unit":""},
                 {"id":"gex.net","label":"Net GEX","value":-3.92,"unit":"bn USD per 1% move"},
                 {"id":"gex.zero_gamma","label":"Zero gamma","value":668.50,"unit":""},
                 {"id":"gex.call_wall","label":"Call wall","value":670.00,"unit":""}],
                 "absent":[{"id":"vpin.last","reason":"no market snapshot of the prior session is stored"}]}""";

        JsonNode answer = json.readTree(new FactQuotingAnalyst().apply(request(sheet)));

        assertThat(answer.path("bias").asText()).isEqualTo("neutral");
        List<String> levels = new ArrayList<>();
        answer.path("key_levels").forEach(level -> levels.add(level.path("fact").asText() + "="
                + level.path("value").decimalValue().toPlainString()));
        assertThat(levels).containsExactly("gex.zero_gamma=668.50", "gex.call_wall=670.00", "gex.spot=658.05");
        List<String> cited = new ArrayList<>();
        Matcher numbers = Pattern.compile("\\d+(\\.\\d+)?").matcher(answer.path("headline").asText()
                + answer.path("bias_reasons").toString() + answer.path("scenarios").toString()
                + answer.path("risks").toString());
        while (numbers.find()) {
            cited.add(numbers.group());
        }
        assertThat(cited).isNotEmpty().allMatch(n -> n.equals("668.50") || n.equals("670.00"));
        assertThat(answer.path("risks")).hasSize(1);
    }

    @Test
    void withoutFactsItNamesNoLevel() throws Exception {
        JsonNode answer = json.readTree(new FactQuotingAnalyst().apply(request("{\"facts\":[],\"absent\":[]}")));

        assertThat(answer.path("key_levels")).isEmpty();
        assertThat(answer.path("risks")).isEmpty();
    }
}

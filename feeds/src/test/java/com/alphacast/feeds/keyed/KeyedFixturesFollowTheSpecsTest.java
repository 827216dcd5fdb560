package com.alphacast.feeds.keyed;

import com.alphacast.core.fixtures.TestData;
import com.alphacast.feeds.fixtures.JsonTree;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loopback venues replay frames shaped exactly as the venues' specifications say: every Alpaca trade and quote
 * against the Market Data API's {@code stock_trade} / {@code stock_quote} schemas (plus the stream's {@code T} and
 * {@code S}), every Massive event against its WebSocket spec's {@code /stocks/T} / {@code /stocks/Q} message schemas,
 * with every field of the spec's example present.
 */
class KeyedFixturesFollowTheSpecsTest {

    private static List<String> frames(String name) throws IOException {
        try (InputStream in = KeyedFixturesFollowTheSpecsTest.class.getResourceAsStream("/keyed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static void conforms(String where, Map<String, Object> message, Map<String, Object> schema,
                                 Map<String, Object> components, Set<String> required) {
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        assertThat(properties.keySet()).as(where + " carries the required fields").containsAll(required);
        assertThat(message.keySet()).as(where + " has every required field").containsAll(required);
        for (Map.Entry<String, Object> field : message.entrySet()) {
            Map<String, Object> type = (Map<String, Object>) properties.get(field.getKey());
            assertThat(type).as(where + ": field '" + field.getKey() + "' is in the spec").isNotNull();
            if (type.containsKey("$ref")) {
                String ref = (String) type.get("$ref");
                type = (Map<String, Object>) components.get(ref.substring(ref.lastIndexOf('/') + 1));
            }
            typed(where + "." + field.getKey(), field.getValue(), type);
        }
    }

    @SuppressWarnings("unchecked")
    private static void typed(String where, Object value, Map<String, Object> type) {
        Object expected = type.get("type");
        if (expected == null && type.containsKey("enum")) {
            assertThat((List<Object>) type.get("enum")).as(where).contains(value);
            return;
        }
        switch (String.valueOf(expected)) {
            case "integer" -> assertThat(value).as(where + " is an integer").isInstanceOf(Long.class);
            case "number" -> assertThat(value).as(where + " is a number").isInstanceOf(Number.class);
            case "string" -> {
                assertThat(value).as(where + " is a string").isInstanceOf(String.class);
                if (type.containsKey("enum")) {
                    assertThat((List<Object>) type.get("enum")).as(where).contains(value);
                }
            }
            case "array" -> {
                assertThat(value).as(where + " is an array").isInstanceOf(List.class);
                for (Object item : (List<Object>) value) {
                    typed(where + "[]", item, (Map<String, Object>) type.get("items"));
                }
            }
            default -> throw new AssertionError(where + ": the spec's type " + expected + " is not checked here");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void alpacaFramesAreTheMarketDataApisTradesAndQuotes() throws IOException {
        Object spec = JsonTree.read(TestData.file("alpaca/market-data-api.json"));
        Map<String, Object> schemas = JsonTree.object(spec, "components", "schemas");
        int trades = 0;
        int quotes = 0;
        List<String> frames = frames("alpaca-stream.jsonl");
        for (int i = 0; i < frames.size(); i++) {
            for (Object o : (List<Object>) JsonTree.parse(frames.get(i))) {
                Map<String, Object> m = new java.util.LinkedHashMap<>((Map<String, Object>) o);
                String where = "alpaca-stream.jsonl line " + (i + 1);
                Object type = m.remove("T");
                assertThat(m.remove("S")).as(where + " names its symbol").isInstanceOf(String.class);
                Map<String, Object> schema = JsonTree.object(schemas, "t".equals(type) ? "stock_trade" : "stock_quote");
                assertThat(type).as(where + " type").isIn("t", "q");
                conforms(where, m, schema, schemas, new HashSet<>((List<String>) schema.get("required")));
                if ("t".equals(type)) {
                    trades++;
                } else {
                    quotes++;
                }
            }
        }
        assertThat(trades).isGreaterThan(20);
        assertThat(quotes).isGreaterThan(10);
    }

    @Test
    @SuppressWarnings("unchecked")
    void massiveFramesAreTheWebSocketSpecsStockTradesAndQuotes() throws IOException {
        Object spec = JsonTree.read(TestData.file("massive/websocket.json"));
        Map<String, Object> components = JsonTree.object(spec, "components", "schemas");
        Map<String, Map<String, Object>> byEvent = Map.of(
                "T", JsonTree.object(spec, "paths", "/stocks/T", "get", "responses", "200", "content",
                        "application/json", "schema"),
                "Q", JsonTree.object(spec, "paths", "/stocks/Q", "get", "responses", "200", "content",
                        "application/json", "schema"));
        Map<String, Set<String>> exampleFields = Map.of(
                "T", JsonTree.object(spec, "paths", "/stocks/T", "get", "responses", "200", "content",
                        "application/json", "example").keySet(),
                "Q", JsonTree.object(spec, "paths", "/stocks/Q", "get", "responses", "200", "content",
                        "application/json", "example").keySet());
        int events = 0;
        List<String> frames = frames("massive-stream.jsonl");
        for (int i = 0; i < frames.size(); i++) {
            for (Object o : (List<Object>) JsonTree.parse(frames.get(i))) {
                Map<String, Object> m = (Map<String, Object>) o;
                String where = "massive-stream.jsonl line " + (i + 1);
                assertThat(m.get("ev")).as(where + " event type").isIn("T", "Q");
                conforms(where, m, byEvent.get(m.get("ev")), components, exampleFields.get(m.get("ev")));
                events++;
            }
        }
        assertThat(events).isGreaterThan(40);
    }
}

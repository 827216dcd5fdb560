package com.alphacast.bots.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One edit of a JSON document, as a hostile or broken client would make it. {@code target} picks a node
 * (modulo the number of nodes), {@code number} and {@code text} supply the new value.
 */
record JsonMutation(Kind kind, int target, int number, String text) {

    enum Kind { DELETE, SWAP_TYPE, NULL_VALUE, HUGE_STRING, CONTROL_CHARACTERS, REPLACE_TEXT, ENTITY_OFFSET, ENTITY_LENGTH, NUMBER }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CONTROL = "\u0000\u0007\b\n\r\u001b[31m\u202e\ud800\uffff";

    static Arbitrary<JsonMutation> any(List<String> texts) {
        Arbitrary<Integer> numbers = Arbitraries.oneOf(Arbitraries.integers(),
                Arbitraries.of(0, -1, 1, 2, 5, Integer.MAX_VALUE, Integer.MIN_VALUE, 4096, 4097));
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(texts), Arbitraries.strings().ofMaxLength(40));
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().greaterOrEqual(0), numbers, text)
                .as(JsonMutation::new);
    }

    /** Applies this edit to {@code root} in place. */
    void applyTo(ObjectNode root) {
        switch (kind) {
            case ENTITY_OFFSET, ENTITY_LENGTH -> {
                List<ObjectNode> entities = new ArrayList<>();
                root.findParents(kind == Kind.ENTITY_OFFSET ? "offset" : "length").forEach(node -> entities.add((ObjectNode) node));
                if (entities.isEmpty()) {
                    ObjectNode message = root.path("message").isObject() ? (ObjectNode) root.get("message") : root.putObject("message");
                    entities.add(message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", 1));
                }
                entities.get(target % entities.size()).put(kind == Kind.ENTITY_OFFSET ? "offset" : "length", number);
            }
            default -> {
                List<Slot> slots = new ArrayList<>();
                collect(root, slots);
                if (slots.isEmpty()) {
                    return;
                }
                Slot slot = slots.get(target % slots.size());
                slot.set(replacement(slot.get()));
            }
        }
    }

    private JsonNode replacement(JsonNode current) {
        return switch (kind) {
            case DELETE -> null;
            case NULL_VALUE -> NODES.nullNode();
            case SWAP_TYPE -> current.isTextual() ? NODES.numberNode(number)
                    : current.isNumber() ? NODES.textNode(current.asText() + text)
                    : current.isObject() ? NODES.arrayNode().add(current)
                    : current.isArray() ? NODES.objectNode().set("was", current)
                    : NODES.textNode(text);
            case HUGE_STRING -> NODES.textNode("/" + text.repeat(Math.max(1, 60_000 / Math.max(1, text.length()))));
            case CONTROL_CHARACTERS -> NODES.textNode(current.asText() + CONTROL + text);
            case REPLACE_TEXT -> NODES.textNode(text);
            case NUMBER -> NODES.numberNode(number);
            default -> current;
        };
    }

    /** A place in the tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                if (value == null) {
                    ((ObjectNode) parent).remove(field);
                } else {
                    ((ObjectNode) parent).set(field, value);
                }
            } else if (value == null) {
                ((ArrayNode) parent).remove(index);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                slots.add(new Slot(node, field.getKey(), -1));
                collect(field.getValue(), slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i));
                collect(node.get(i), slots);
            }
        }
    }
}

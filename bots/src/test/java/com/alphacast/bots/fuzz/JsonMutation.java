package com.alphacast.bots.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One edit of a JSON document, as a hostile or broken client would make it. {@code target} picks a node
 * (modulo the number of nodes), {@code number} and {@code text} supply the new value.
 */
record JsonMutation(Kind kind, int target, int number, String text) {

    enum Kind { DELETE, SWAP_TYPE, NULL_VALUE, HUGE_STRING, CONTROL_CHARACTERS, REPLACE_TEXT, ENTITY_OFFSET, ENTITY_LENGTH, NUMBER }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CONTROL = "\u0000\u0007\b\n\r\u001b[31m\u202e\ud800\uffff";

    private static final int[] EDGE_NUMBERS = {0, -1, 1, 2, 5, Integer.MAX_VALUE, Integer.MIN_VALUE, 4096, 4097};
    private static final Kind[] KINDS = Kind.values();

    /**
     * One edit of any kind: a node anywhere, a number that is any int or an edge (0, ±1, the int limits, Telegram's
     * 4096 text limit and one past it), a text that is one of {@code texts} or any string of up to 40 characters.
     */
    static JsonMutation any(SplittableRandom random, List<String> texts) {
        Kind kind = KINDS[random.nextInt(KINDS.length)];
        int target = random.nextInt(Integer.MAX_VALUE);
        int number = random.nextBoolean() ? random.nextInt() : EDGE_NUMBERS[random.nextInt(EDGE_NUMBERS.length)];
        String text = random.nextBoolean() ? texts.get(random.nextInt(texts.size())) : anyString(random, 40);
        return new JsonMutation(kind, target, number, text);
    }

    /** 1 to {@code max} edits. */
    static List<JsonMutation> some(SplittableRandom random, List<String> texts, int max) {
        List<JsonMutation> edits = new ArrayList<>();
        for (int i = random.nextInt(1, max + 1); i > 0; i--) {
            edits.add(any(random, texts));
        }
        return edits;
    }

    /**
     * Up to {@code maxLength} UTF-16 units, each printable ASCII, a control character (C0, DEL, C1) or any unit at all
     * (lone surrogates included), so both ordinary and hostile text come up.
     */
    static String anyString(SplittableRandom random, int maxLength) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            out.append(switch (random.nextInt(3)) {
                case 0 -> (char) random.nextInt(0x20, 0x7f);
                case 1 -> (char) (random.nextBoolean() ? random.nextInt(0x20) : random.nextInt(0x7f, 0xa0));
                default -> (char) random.nextInt(0x10000);
            });
        }
        return out.toString();
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

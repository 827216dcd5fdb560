package com.alphacast.cli.analyze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;

/** JSON output: numbers that are NaN or infinite (no value) are written as null, never as invalid JSON. */
final class Json {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    ArrayNode array() {
        return mapper.createArrayNode();
    }

    static void put(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    /** Rounded to {@code decimals} places, for figures whose last digits are noise. */
    static void put(ObjectNode node, String name, double value, int decimals) {
        if (Double.isFinite(value) && decimals == 0 && Math.abs(value) < 9.0e15) {
            node.put(name, Math.round(value)); // whole currency units print as integers, not 5.9125E9
        } else if (Double.isFinite(value)) {
            node.put(name, new java.math.BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN)
                    .doubleValue());
        } else {
            node.putNull(name);
        }
    }

    void print(ObjectNode node, PrintStream out) {
        try {
            out.println(mapper.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise result", e);
        }
    }
}

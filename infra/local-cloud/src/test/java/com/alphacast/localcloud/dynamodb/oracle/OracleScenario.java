package com.alphacast.localcloud.dynamodb.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One oracle file: a sequence of requests (each step: {@code op}, {@code request} or {@code rawBody}, optional
 * {@code target} override) and, once recorded, the answer DynamoDB Local gave to each ({@code expected}: status and
 * body). Steps run in order on an empty server; later steps see earlier steps' effects.
 */
record OracleScenario(Path file, ObjectNode document) {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static List<OracleScenario> loadAll(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<OracleScenario> scenarios = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                scenarios.add(new OracleScenario(file, (ObjectNode) JSON.readTree(file.toFile())));
            }
            return scenarios;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return file.getFileName().toString().replace(".json", "");
    }

    List<ObjectNode> steps() {
        List<ObjectNode> steps = new ArrayList<>();
        document.get("steps").forEach(step -> steps.add((ObjectNode) step));
        return steps;
    }

    static String target(ObjectNode step) {
        if (step.has("target")) {
            return step.get("target").isNull() ? null : step.get("target").asText();
        }
        return "DynamoDB_20120810." + step.get("op").asText();
    }

    static String body(ObjectNode step) {
        return step.has("rawBody") ? step.get("rawBody").asText() : step.get("request").toString();
    }

    void write() {
        try {
            JSON.writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The answer to compare with: the recorded one, or, where the step documents a {@code deviation} (DynamoDB Local
     * known to answer differently from DynamoDB, or a feature this server refuses), the answer the deviation states.
     */
    static ObjectNode expected(ObjectNode step) {
        JsonNode expected = step.has("deviation") ? step.get("deviation").get("expected") : step.get("expected");
        return expected == null ? null : (ObjectNode) expected;
    }
}

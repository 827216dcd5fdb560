package com.alphacast.localcloud.function.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the gateway answers: its own errors ({@code {"message":"Not Found"}}, ...) or a function's result read the way
 * API Gateway reads a payload format 2.0 response.
 */
public record GatewayResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public GatewayResponse {
        headers = List.copyOf(headers);
    }

    /** API Gateway's own answers: a JSON body with a message. */
    public static GatewayResponse message(int status, String message) {
        return new GatewayResponse(status, List.of(Map.entry("content-type", "application/json")),
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    public static GatewayResponse notFound() {
        return message(404, "Not Found");
    }

    /**
     * Reads a function's result. An object with {@code statusCode} is a response (statusCode, headers,
     * multiValueHeaders, cookies as Set-Cookie, body, isBase64Encoded); any other JSON is, as API Gateway guesses for
     * format 2.0, a 200 whose application/json body is that JSON (a string's text for a JSON string).
     *
     * @throws IllegalArgumentException saying what is wrong with the result (the gateway answers 500)
     */
    public static GatewayResponse fromFunction(byte[] result) {
        if (result == null || result.length == 0) {
            return new GatewayResponse(200, List.of(Map.entry("content-type", "application/json")), new byte[0]);
        }
        JsonNode node;
        try {
            node = JSON.readTree(result);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the function's result is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (node == null || node.isNull()) {
            return new GatewayResponse(200, List.of(Map.entry("content-type", "application/json")), new byte[0]);
        }
        if (!node.isObject() || !node.has("statusCode")) {
            byte[] body = node.isTextual() ? node.textValue().getBytes(StandardCharsets.UTF_8) : result;
            return new GatewayResponse(200, List.of(Map.entry("content-type", "application/json")), body);
        }
        JsonNode status = node.get("statusCode");
        if (!status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599) {
            throw new IllegalArgumentException("statusCode " + status + " is not an HTTP status (100..599)");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        JsonNode single = node.path("headers");
        single.fields().forEachRemaining(h -> headers.add(Map.entry(h.getKey(), text(h.getValue(), "headers." + h.getKey()))));
        node.path("multiValueHeaders").fields().forEachRemaining(h -> {
            if (!h.getValue().isArray()) {
                throw new IllegalArgumentException("multiValueHeaders." + h.getKey() + " is not a list");
            }
            h.getValue().forEach(v -> headers.add(Map.entry(h.getKey(), text(v, "multiValueHeaders." + h.getKey()))));
        });
        node.path("cookies").forEach(c -> headers.add(Map.entry("set-cookie", text(c, "cookies"))));
        JsonNode bodyNode = node.get("body");
        String bodyText = bodyNode == null || bodyNode.isNull() ? "" : text(bodyNode, "body");
        boolean base64 = node.path("isBase64Encoded").asBoolean(false);
        byte[] body;
        try {
            body = base64 ? Base64.getDecoder().decode(bodyText) : bodyText.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("isBase64Encoded is true but body is not base64: " + e.getMessage());
        }
        return new GatewayResponse(status.asInt(), headers, body);
    }

    private static String text(JsonNode value, String where) {
        if (value.isValueNode() && !value.isNull()) {
            return value.asText();
        }
        throw new IllegalArgumentException(where + " is " + value.getNodeType() + ", not a string");
    }
}

package com.alphacast.localcloud.dynamodb.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends raw DynamoDB JSON-protocol requests (no SDK in between, so malformed bodies and missing headers can be sent
 * too) and returns status and body. The Authorization header has SigV4's shape; no server here checks the signature.
 */
final class ProtocolClient {

    record Answer(int status, JsonNode body) {
    }

    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=alphacastlocal/20260101/us-east-1/dynamodb/"
            + "aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    ProtocolClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** {@code target} null sends no X-Amz-Target header. */
    Answer send(String target, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Date", "20260101T000000Z")
                .header("Authorization", AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + endpoint + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body as JSON; a body that is not JSON (an HTML error page) becomes a {@code NotJson} error body. */
    private JsonNode parse(String text) {
        if (text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode().put("__type", "#NotJson")
                    .put("message", text.substring(0, Math.min(200, text.length())));
        }
    }

    JsonNode call(String operation, JsonNode request) {
        Answer answer = send("DynamoDB_20120810." + operation, request.toString());
        if (answer.status() != 200) {
            throw new IllegalStateException(operation + " failed: " + answer.body());
        }
        return answer.body();
    }

    /** Deletes every table, so each scenario starts from an empty server. */
    void deleteAllTables() {
        JsonNode names = call("ListTables", json.createObjectNode()).get("TableNames");
        for (JsonNode name : names) {
            call("DeleteTable", json.createObjectNode().put("TableName", name.asText()));
        }
    }
}

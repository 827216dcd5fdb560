package com.alphacast.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request a fake received, with what it made of it.
 *
 * @param method     HTTP method
 * @param path       path without query
 * @param query      decoded query parameters
 * @param headers    headers, names lower-cased (first value)
 * @param body       raw body text
 * @param json       the body (or form fields) as JSON, null when there was none
 * @param violations every way the request broke the platform's spec; empty for a valid request
 * @param status     the HTTP status answered
 * @param fault      the injected fault, if any, as its kind name; empty otherwise
 * @param receivedAt when it arrived
 */
public record RecordedRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                              String body, JsonNode json, List<String> violations, int status, String fault,
                              Instant receivedAt) {

    public boolean valid() {
        return violations.isEmpty();
    }

    /** Copy with the outcome filled in once the request was answered. */
    RecordedRequest answered(List<String> violations, int status, String fault) {
        return new RecordedRequest(method, path, query, headers, body, json, List.copyOf(violations), status, fault, receivedAt);
    }
}

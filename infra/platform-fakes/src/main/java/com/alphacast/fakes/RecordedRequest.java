package com.alphacast.fakes;

import com.alphacast.fakes.multipart.MultipartForm;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request a fake received, with what it made of it.
 *
 * @param method     HTTP method
 * @param path       path without query
 * @param query      decoded query parameters
 * @param headers    headers, names lower-cased (first value)
 * @param body       raw body text
 * @param json       the body (or form fields) as JSON, null when there was none; a multipart body's file parts
 *                   appear as {@code "attach://<filename>"}
 * @param form       the parts of a multipart/form-data body; empty for other bodies
 * @param bodyProblem why the body could not be read (malformed multipart); empty when it could
 * @param violations every way the request broke the platform's spec; empty for a valid request
 * @param status     the HTTP status answered
 * @param fault      the injected fault, if any, as its kind name; empty otherwise
 * @param receivedAt when it arrived
 */
public record RecordedRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                              String body, JsonNode json, Optional<MultipartForm> form, String bodyProblem,
                              List<String> violations, int status, String fault, Instant receivedAt) {

    public boolean valid() {
        return violations.isEmpty();
    }

    /** Copy with the outcome filled in once the request was answered. */
    RecordedRequest answered(List<String> violations, int status, String fault) {
        return new RecordedRequest(method, path, query, headers, body, json, form, bodyProblem, List.copyOf(violations), status, fault, receivedAt);
    }
}

package com.alphacast.bots.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One HTTP request to a platform's API, exactly as it is sent, except that secrets stay placeholders
 * ({@code {token}}, {@code {webhook_token}}) so requests can be logged and written to the outbox.
 *
 * @param method HTTP method (POST, PUT)
 * @param path   path relative to the platform's API base, e.g. {@code /bot{token}/sendMessage},
 *               {@code /webhooks/123/{webhook_token}?wait=true}, {@code /2/tweets}
 * @param body   JSON body
 */
public record PlatformRequest(String method, String path, ObjectNode body) {

    public PlatformRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', was " + path);
        }
    }
}

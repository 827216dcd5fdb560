package com.alphacast.bots.render;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to a platform's API, exactly as it is sent, except that secrets stay placeholders
 * ({@code {token}}, {@code {webhook_token}}) so requests can be logged and written to the outbox.
 *
 * @param method HTTP method (POST, PUT)
 * @param path   path relative to the platform's API base, e.g. {@code /bot{token}/sendMessage},
 *               {@code /webhooks/123/{webhook_token}?wait=true}, {@code /2/tweets}
 * @param body       JSON body, or the text fields of a multipart body when there is an attachment
 * @param attachment the file sent beside the fields as multipart/form-data; empty: a JSON request (left out of
 *                   the request's JSON form: the outbox records it as size and digest)
 */
public record PlatformRequest(String method, String path, ObjectNode body,
                              @JsonIgnore Optional<Attachment> attachment) {

    /** A JSON request without a file. */
    public PlatformRequest(String method, String path, ObjectNode body) {
        this(method, path, body, Optional.empty());
    }

    public PlatformRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(attachment, "attachment");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', was " + path);
        }
    }
}

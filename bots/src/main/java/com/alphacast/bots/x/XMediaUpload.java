package com.alphacast.bots.x;

import com.alphacast.bots.delivery.MultipartBody;
import com.alphacast.bots.delivery.SendOutcome;
import com.alphacast.bots.render.Attachment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import twitter4j.HttpParameter;
import twitter4j.RequestMethod;
import twitter4j.auth.Authorization;

/**
 * Uploads an image to X with API v2's one-shot upload ({@code POST /2/media/upload}, multipart/form-data with the
 * file as {@code media} and {@code media_category=tweet_image}, as X's OpenAPI document defines it), signed with the
 * account's OAuth 1.0a user context (twitter4j's {@link Authorization}; a multipart body is not part of the
 * signature). twitter4j 4.0.7 and its v2 add-on have no v2 upload, so the request goes through the JDK HTTP client.
 * The answer is classified like a post: the media id when accepted, 429 → wait until {@code x-rate-limit-reset},
 * 5xx and I/O → transient, other refusals → permanent.
 */
public final class XMediaUpload {

    public static final String PATH = "/2/media/upload";

    private final HttpClient http;
    private final Authorization authorization;
    private final URI endpoint;
    private final Duration timeout;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    /** @param apiBase {@code https://api.twitter.com} in production */
    public XMediaUpload(HttpClient http, Authorization authorization, String apiBase, Duration timeout, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.authorization = Objects.requireNonNull(authorization, "authorization");
        String base = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        this.endpoint = URI.create(base + PATH);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@link SendOutcome.Accepted} with the media id as its reference, or why the upload failed. */
    public SendOutcome upload(Attachment image) {
        MultipartBody body = new MultipartBody().file("media", image).field("media_category", "tweet_image", null);
        String signature = authorization.getAuthorizationHeader(new twitter4j.HttpRequest(RequestMethod.POST,
                endpoint.toString(), new HttpParameter[0], authorization, Map.of()));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", signature)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // The exception names the endpoint at most; the signature is in a header, never in a message.
            return new SendOutcome.Transient("X media upload failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Transient("interrupted during the X media upload");
        }
        return classify(response.statusCode(), response.body(), response.headers().firstValue("x-rate-limit-reset"));
    }

    SendOutcome classify(int status, String body, Optional<String> reset) {
        JsonNode answer = read(body);
        if (status >= 200 && status < 300) {
            String id = answer.path("data").path("id").asText("");
            return id.matches("[0-9]{1,19}") ? new SendOutcome.Accepted(id)
                    : new SendOutcome.Transient("X accepted the media upload but named no media id: " + preview(body));
        }
        String detail = answer.path("detail").asText(preview(body));
        if (status == 429) {
            Duration wait = reset.flatMap(XMediaUpload::epochSeconds)
                    .map(at -> Duration.between(clock.instant(), at)).orElse(Duration.ofSeconds(60));
            return new SendOutcome.Throttled(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait, true,
                    "X media upload limit until reset " + reset.orElse("?"));
        }
        if (status >= 500) {
            return new SendOutcome.Transient("X media upload " + status + ": " + detail);
        }
        return new SendOutcome.Permanent("X refused the media upload (" + status + "): " + detail);
    }

    private static Optional<Instant> epochSeconds(String text) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(text.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String preview(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}

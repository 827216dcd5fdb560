package com.alphacast.bots.discord;

import com.alphacast.bots.delivery.MultipartBody;
import com.alphacast.bots.delivery.PlatformTransport;
import com.alphacast.bots.delivery.SendOutcome;
import com.alphacast.bots.render.PlatformRequest;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.settings.Redaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.requests.RestConfig;

/**
 * Posts rendered Discord messages: through a webhook (token looked up by webhook id from configuration)
 * or as the bot to a channel ({@code Authorization: Bot <token>}). The base URL and User-Agent come from
 * JDA's {@link RestConfig}; requests go through the JDK HTTP client because JDA's own requester only runs
 * inside a logged-in gateway session. Classification: 429 → wait {@code retry_after} (the whole bot when
 * {@code global}); 404 unknown channel/webhook, 401/403, 400 → permanent; 5xx and I/O → transient.
 */
public final class DiscordTransport implements PlatformTransport {

    /** The wait when Discord's 429 carries no usable retry_after: longer than a typical bucket reset. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    /** Anything beyond a day is not a rate-limit figure we believe (NaN, overflow, a date sent by a proxy). */
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private static final Pattern WEBHOOK_PATH = Pattern.compile("^/webhooks/(\\d+)/\\{webhook_token}(.*)$");

    private final HttpClient http;
    private final RestConfig rest;
    private final Optional<String> botToken;
    private final Map<String, String> webhookTokens;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param rest          base URL ({@code RestConfig.setBaseUrl(".../api/v10/")}) and User-Agent
     * @param botToken      the bot token for channel posts; empty when only webhooks are used
     * @param webhookTokens webhook id → webhook token
     * @param timeout       per-request timeout
     */
    public DiscordTransport(HttpClient http, RestConfig rest, Optional<String> botToken, Map<String, String> webhookTokens,
                            Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.rest = Objects.requireNonNull(rest, "rest");
        this.botToken = Objects.requireNonNull(botToken, "botToken");
        this.webhookTokens = Map.copyOf(webhookTokens);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public static DiscordTransport create(String apiBase, Optional<String> botToken, Map<String, String> webhookTokens,
                                          Duration timeout) {
        RestConfig rest = new RestConfig().setBaseUrl(apiBase.endsWith("/") ? apiBase : apiBase + "/");
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        return new DiscordTransport(http, rest, botToken, webhookTokens, timeout);
    }

    @Override
    public Channel channel() {
        return Channel.DISCORD;
    }

    @Override
    public SendOutcome send(PlatformRequest request) {
        String path = request.path();
        HttpRequest.Builder builder;
        Matcher webhook = WEBHOOK_PATH.matcher(path);
        if (webhook.matches()) {
            String token = webhookTokens.get(webhook.group(1));
            if (token == null) {
                return new SendOutcome.Permanent("no token configured for webhook " + webhook.group(1));
            }
            try {
                builder = HttpRequest.newBuilder(uri("webhooks/" + webhook.group(1) + "/" + token + webhook.group(2)));
            } catch (IllegalArgumentException e) {
                // The URI parser's message quotes the whole URL, token included: name the webhook, never the token.
                return new SendOutcome.Permanent("the token configured for webhook " + webhook.group(1) + " does not fit in a URL");
            }
        } else {
            if (botToken.isEmpty()) {
                return new SendOutcome.Permanent("no bot token configured for " + path);
            }
            try {
                builder = HttpRequest.newBuilder(uri(path.substring(1))).header("Authorization", "Bot " + botToken.get());
            } catch (IllegalArgumentException e) {
                // "invalid header value" quotes the header, bot token included.
                return new SendOutcome.Permanent("cannot build the request for " + Redaction.scrub(path, secrets())
                        + ": the path or the configured bot token is not usable in a request");
            }
        }
        HttpRequest http;
        try {
            builder.timeout(timeout).header("User-Agent", rest.getUserAgent());
            if (request.attachment().isPresent()) {
                // A message with a file: the message JSON in payload_json, the file in the part its field names.
                MultipartBody multipart = new MultipartBody()
                        .field("payload_json", json.writeValueAsString(request.body()), "application/json")
                        .file(request.attachment().get().field(), request.attachment().get());
                builder.header("Content-Type", multipart.contentType())
                        .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(multipart.bytes()));
            } else {
                builder.header("Content-Type", "application/json")
                        .method(request.method(), HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request.body())));
            }
            http = builder.build();
        } catch (IOException e) {
            return new SendOutcome.Permanent("cannot serialise request: " + e.getMessage());
        }
        HttpResponse<String> response;
        try {
            response = this.http.send(http, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new SendOutcome.Transient("Discord request failed: " + Redaction.scrub(e.toString(), secrets()));
        } catch (IllegalArgumentException e) {
            return new SendOutcome.Permanent("Discord request refused by the HTTP client: " + Redaction.scrub(e.getMessage(), secrets()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Transient("interrupted");
        }
        return classify(response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
    }

    /** Every token this transport holds, scrubbed from anything it reports. */
    private java.util.List<String> secrets() {
        java.util.List<String> secrets = new java.util.ArrayList<>(webhookTokens.values());
        botToken.ifPresent(secrets::add);
        return secrets;
    }

    private URI uri(String relative) {
        return URI.create(rest.getBaseUrl() + relative);
    }

    SendOutcome classify(int status, String body, Optional<String> retryAfterHeader) {
        JsonNode node = read(body);
        String message = node.path("message").asText(body == null ? "" : body);
        if (status >= 200 && status < 300) {
            return new SendOutcome.Accepted(node.path("id").asText(status == 204 ? "accepted" : ""));
        }
        if (status == 429) {
            return new SendOutcome.Throttled(retryAfter(node, retryAfterHeader), node.path("global").asBoolean(false),
                    "Discord: " + message);
        }
        if (status >= 500) {
            return new SendOutcome.Transient("Discord " + status + ": " + message);
        }
        return new SendOutcome.Permanent("Discord " + status + " (code " + node.path("code").asText("?") + "): " + message);
    }

    /**
     * The body's {@code retry_after} (float seconds, the precise figure), else the {@code Retry-After} header,
     * else {@link #DEFAULT_RETRY_AFTER}. A malformed, negative or absurd value never escapes as an exception:
     * the next candidate is used instead.
     */
    static Duration retryAfter(JsonNode body, Optional<String> header) {
        JsonNode field = body.get("retry_after");
        if (field != null) {
            Optional<Duration> fromBody = seconds(field.isNumber() ? field.asDouble() : parseSeconds(field.asText()));
            if (fromBody.isPresent()) {
                return fromBody.get();
            }
        }
        return header.flatMap(value -> seconds(parseSeconds(value))).orElse(DEFAULT_RETRY_AFTER);
    }

    private static double parseSeconds(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }

    private static Optional<Duration> seconds(double value) {
        if (!(value >= 0) || value > MAX_RETRY_AFTER.toSeconds()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(value * 1000)));
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}

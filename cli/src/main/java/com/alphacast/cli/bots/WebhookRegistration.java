package com.alphacast.cli.bots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code setWebhook} for the webhook function: the route's URL, the secret Telegram must echo in
 * {@code X-Telegram-Bot-Api-Secret-Token}, and the update types the function routes. {@code chat_member} is
 * delivered only when asked for by name, so the list is always explicit. Sent as JSON (TelegramBots' client
 * sends this method as multipart, for a certificate we never upload).
 */
final class WebhookRegistration {

    /** What the webhook function routes (TelegramUpdateHandler); anything else Telegram need not send. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "pre_checkout_query",
            "chat_join_request", "chat_member", "my_chat_member");

    private final HttpClient http;
    private final URI apiBase;
    private final String token;
    private final ObjectMapper json = new ObjectMapper();

    /** @param apiBase Bot API server, {@code https://api.telegram.org} in production */
    WebhookRegistration(HttpClient http, URI apiBase, String token) {
        this.http = Objects.requireNonNull(http, "http");
        this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
        this.token = Objects.requireNonNull(token, "token");
    }

    /**
     * @return a line saying what was registered (never the secret)
     * @throws IOException naming Telegram's refusal (its description, never the token)
     */
    String register(String url, String secret) throws IOException, InterruptedException {
        URI uri = checkedUrl(url);
        ObjectNode body = json.createObjectNode().put("url", uri.toString()).put("secret_token", secret);
        ALLOWED_UPDATES.forEach(body.putArray("allowed_updates")::add);
        String base = apiBase.toString().replaceAll("/+$", "");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/bot" + token + "/setWebhook"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            answer = json.createObjectNode();
        }
        if (response.statusCode() != 200 || !answer.path("ok").asBoolean(false)) {
            throw new IOException("Telegram refused setWebhook (HTTP " + response.statusCode() + "): "
                    + answer.path("description").asText("no description"));
        }
        return "webhook set: " + uri + " (secret_token set, " + secret.length() + " characters; allowed_updates "
                + String.join(", ", ALLOWED_UPDATES) + ")";
    }

    /** Telegram calls webhooks over HTTPS only, on ports 443, 80, 88 or 8443. */
    static URI checkedUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--url is not a URL: " + e.getMessage());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--url must be an https:// URL with a host (Telegram calls webhooks over HTTPS only), was '"
                    + url + "'");
        }
        if (uri.getPort() != -1 && !List.of(443, 80, 88, 8443).contains(uri.getPort())) {
            throw new IllegalArgumentException("--url port must be 443, 80, 88 or 8443 (Telegram's webhook ports), was " + uri.getPort());
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("--url must not carry credentials; the secret goes in secret_token");
        }
        return uri;
    }
}

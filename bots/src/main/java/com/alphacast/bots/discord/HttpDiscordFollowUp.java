package com.alphacast.bots.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import net.dv8tion.jda.api.requests.RestConfig;

/** {@link DiscordFollowUp} over HTTP; the interaction token is the credential, no bot token is needed. */
public final class HttpDiscordFollowUp implements DiscordFollowUp {

    private final HttpClient http;
    private final RestConfig rest;
    private final Duration timeout;

    public HttpDiscordFollowUp(HttpClient http, RestConfig rest, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.rest = Objects.requireNonNull(rest, "rest");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public static HttpDiscordFollowUp create(String apiBase, Duration timeout) {
        return new HttpDiscordFollowUp(HttpClient.newBuilder().connectTimeout(timeout).build(),
                new RestConfig().setBaseUrl(apiBase.endsWith("/") ? apiBase : apiBase + "/"), timeout);
    }

    @Override
    public int editOriginal(String applicationId, String interactionToken, ObjectNode message) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rest.getBaseUrl() + "webhooks/" + applicationId + "/"
                        + interactionToken + "/messages/@original"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", rest.getUserAgent())
                .method("PATCH", HttpRequest.BodyPublishers.ofString(message.toString()))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}

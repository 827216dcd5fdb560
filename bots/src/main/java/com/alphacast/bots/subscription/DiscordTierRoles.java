package com.alphacast.bots.subscription;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Grants and removes a tier's Discord role: {@code PUT} / {@code DELETE
 * /guilds/{guild}/members/{user}/roles/{role}} as the bot. Both are idempotent on Discord's side (204 whether or not
 * the member had the role), so a retried sweep is harmless. A member who left the guild (404) counts as done.
 */
public final class DiscordTierRoles {

    private final HttpClient http;
    private final String apiBase;
    private final String botToken;
    private final String guildId;
    private final Duration timeout;

    /** @param apiBase e.g. {@code https://discord.com/api/v10} */
    public DiscordTierRoles(HttpClient http, String apiBase, String botToken, String guildId, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.apiBase = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        this.botToken = Objects.requireNonNull(botToken, "botToken");
        this.guildId = Objects.requireNonNull(guildId, "guildId");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public void grant(String userId, String roleId) {
        call("PUT", userId, roleId);
    }

    public void remove(String userId, String roleId) {
        call("DELETE", userId, roleId);
    }

    private void call(String method, String userId, String roleId) {
        URI uri = URI.create(apiBase + "/guilds/" + digits(guildId) + "/members/" + digits(userId) + "/roles/" + digits(roleId));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", "Bot " + botToken)
                .header("X-Audit-Log-Reason", method.equals("PUT") ? "subscription" : "subscription%20ended")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Discord role " + method + " for " + userId + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during Discord role " + method, e);
        }
        int status = response.statusCode();
        if (status == 204 || status == 200 || (status == 404 && method.equals("DELETE"))) {
            return;
        }
        throw new IllegalStateException("Discord answered " + status + " to role " + method + " for member " + userId);
    }

    private static String digits(String id) {
        if (id.isEmpty() || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a Discord id is digits only, was '" + (id.length() > 24 ? id.substring(0, 24) : id) + "'");
        }
        return id;
    }
}

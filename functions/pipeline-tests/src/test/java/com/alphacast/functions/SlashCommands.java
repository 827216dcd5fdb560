package com.alphacast.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.fakes.chat.LocalChatPlatforms;
import com.alphacast.localcloud.LocalCloud;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slash commands as Discord posts them to the template's interactions route, signed with the local platforms' key:
 * the interactions function defers each one (type 5) and the follow-up function edits the original response, the
 * answer returned here.
 */
final class SlashCommands {

    private final LocalChatPlatforms chat;
    private final String guild;
    private final AtomicLong interactionIds;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** @param firstInteractionId below the ids this test's interactions take (each test class its own range) */
    SlashCommands(LocalChatPlatforms chat, String guild, long firstInteractionId) {
        this.chat = chat;
        this.guild = guild;
        this.interactionIds = new AtomicLong(firstInteractionId);
    }

    /**
     * {@code userId}'s command {@code /name}; {@code options} is the data's options array as JSON, empty for none.
     * Returns the follow-up function's edit of the deferred answer.
     */
    String answer(LocalCloud cloud, String userId, String name, String options) throws Exception {
        long id = interactionIds.incrementAndGet();
        chat.discord().expectInteraction("tok-" + id);
        String body = "{\"id\":\"" + id + "\",\"type\":2,\"application_id\":\"1184000000000000100\","
                + "\"token\":\"tok-" + id + "\",\"channel_id\":\"1184000000000000001\",\"guild_id\":\"" + guild + "\","
                + "\"member\":{\"user\":{\"id\":\"" + userId + "\"}},\"data\":{\"name\":\"" + name + "\""
                + (options.isEmpty() ? "" : ",\"options\":" + options) + "}}";
        int before = chat.discord().posted().size();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpResponse<String> deferred = http.send(HttpRequest.newBuilder(
                        URI.create(cloud.httpEndpoint().orElseThrow() + "/discord/interactions"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Signature-Ed25519", chat.signDiscord(timestamp, body))
                .header("X-Signature-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deferred.statusCode()).isEqualTo(200);
        assertThat(json.readTree(deferred.body()).path("type").asInt()).as("deferred answer to /" + name).isEqualTo(5);
        cloud.awaitIdle(Duration.ofSeconds(60));
        var edits = chat.discord().posted().subList(before, chat.discord().posted().size()).stream()
                .filter(posted -> posted.target().startsWith("original:")).toList();
        assertThat(edits).as("the edited answer to /" + name).hasSize(1);
        return edits.get(0).body().get("content").asText();
    }
}

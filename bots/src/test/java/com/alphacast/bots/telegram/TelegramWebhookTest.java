package com.alphacast.bots.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.SpecCheck;
import com.alphacast.bots.command.CommandParser;
import com.alphacast.bots.command.RouterFixture;
import com.alphacast.bots.inbound.SeenRequestsFixture;
import com.alphacast.bots.inbound.SecretToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelegramWebhookTest {

    private final TelegramWebhook webhook = new TelegramWebhook(Optional.of(new SecretToken("s3cr3t-Token_1")),
            new TelegramUpdateHandler(new CommandParser("AlphacastBot"), new RouterFixture().router, SeenRequestsFixture.fresh()));

    private static byte[] update(String text, long userId) {
        return ("{\"update_id\":1,\"message\":{\"message_id\":5,\"from\":{\"id\":" + userId + ",\"is_bot\":false,\"first_name\":\"A\"},"
                + "\"chat\":{\"id\":" + userId + ",\"type\":\"private\"},\"date\":1700000000,\"text\":\"" + text + "\","
                + "\"entities\":[{\"offset\":0,\"length\":" + text.split(" ")[0].length() + ",\"type\":\"bot_command\"}]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rejectsMissingOrWrongSecret() {
        assertThat(webhook.handle(null, update("/halt", 1)).status()).isEqualTo(401);
        assertThat(webhook.handle("s3cr3t-Token_2", update("/halt", 1)).status()).isEqualTo(401);
        assertThat(webhook.handle("s3cr3t-Token_1x", update("/halt", 1)).status()).isEqualTo(401);
    }

    @Test
    void answersWithABotApiMethodInTheResponseBody() throws Exception {
        TelegramWebhook.Response response = webhook.handle("s3cr3t-Token_1", update("/positions", 2));
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.get("method").asText()).isEqualTo("sendmessage");
        assertThat(body.get("chat_id").asText()).isEqualTo("2");
        assertThat(body.get("text").asText()).contains("Open positions (2)");
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        body.fields().forEachRemaining(field -> parameters.put(field.getKey(), field.getValue()));
        assertThat(SpecCheck.TELEGRAM.validateCall("sendMessage", parameters)).isEmpty();
    }

    @Test
    void malformedUpdateIsA400NamingTheProblem() {
        TelegramWebhook.Response response = webhook.handle("s3cr3t-Token_1", "{\"message\":".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("not a Telegram update");
        assertThat(webhook.handle("s3cr3t-Token_1", "{}".getBytes(StandardCharsets.UTF_8)).body()).contains("update_id is missing");
    }

    @Test
    void fixtureWithoutAnswerGetsEmpty200() throws Exception {
        byte[] body = Files.readAllBytes(Fixtures.testData().resolve("telegram/updates/message.json"));
        TelegramWebhook.Response response = webhook.handle("s3cr3t-Token_1", body);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }
}

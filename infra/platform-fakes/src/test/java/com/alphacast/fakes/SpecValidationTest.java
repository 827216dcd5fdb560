package com.alphacast.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.fakes.spec.OpenApiSpec;
import com.alphacast.fakes.spec.ApiSpecs;
import com.alphacast.fakes.telegram.TelegramBotApiSpec;
import com.alphacast.fakes.telegram.TelegramHtml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TelegramBotApiSpec TELEGRAM = ApiSpecs.telegram();
    private static final OpenApiSpec DISCORD = ApiSpecs.discord();
    private static final OpenApiSpec X = ApiSpecs.x();

    @Test
    void telegramSpecHasAllMethodsAndTypes() {
        assertThat(TELEGRAM.methodCount()).isEqualTo(180);
        assertThat(TELEGRAM.typeCount()).isEqualTo(359);
    }

    @Test
    void telegramRejectsMissingChatIdUnknownParameterAndOverlongText() {
        Map<String, JsonNode> call = new LinkedHashMap<>();
        call.put("text", TextNode.valueOf("<b>" + "a".repeat(4097) + "</b>"));
        call.put("parse_mode", TextNode.valueOf("HTML"));
        call.put("colour", TextNode.valueOf("red"));
        assertThat(TELEGRAM.validateCall("sendmessage", call)).containsExactlyInAnyOrder(
                "parameter 'chat_id' is required",
                "unknown parameter 'colour' for sendMessage",
                "text: too long (4097 characters after entities parsing, allowed 1-4096)");
    }

    @Test
    void telegramChecksNestedObjectsSuchAsInlineKeyboards() throws Exception {
        Map<String, JsonNode> call = new LinkedHashMap<>();
        call.put("chat_id", JSON.readTree("42"));
        call.put("text", TextNode.valueOf("hi"));
        call.put("reply_markup", JSON.readTree("{\"inline_keyboard\":[[{\"text\":1,\"url\":\"https://x\"}]]}"));
        assertThat(TELEGRAM.validateCall("sendMessage", call)).isNotEmpty();
        call.put("reply_markup", JSON.readTree("{\"inline_keyboard\":[[{\"text\":\"Go\",\"url\":\"https://x\"}]]}"));
        assertThat(TELEGRAM.validateCall("sendMessage", call)).isEmpty();
    }

    @Test
    void telegramHtmlRejectsUnescapedAndUnbalancedMarkup() {
        assertThat(TelegramHtml.parse("<b>a &lt;&amp;&gt; &#128994;</b>")).isEqualTo("a <&> 🟢");
        for (String bad : new String[] {"<b>x", "a < b", "<b><i>x</b></i>", "AT&T", "<script>x</script>"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TelegramHtml.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("can't parse entities");
        }
    }

    @Test
    void discordChecksEmbedLimitsAndPathParameters() throws Exception {
        JsonNode valid = JSON.readTree("{\"embeds\":[{\"title\":\"t\",\"color\":3066993,\"fields\":[{\"name\":\"a\",\"value\":\"b\",\"inline\":true}]}],"
                + "\"allowed_mentions\":{\"parse\":[]}}");
        assertThat(DISCORD.validate("POST", "/webhooks/123/tok", Map.of("wait", "true"), valid)).isEmpty();
        JsonNode longTitle = JSON.readTree("{\"embeds\":[{\"title\":\"" + "t".repeat(257) + "\",\"color\":-1}]}");
        assertThat(DISCORD.validate("POST", "/webhooks/123/tok", Map.of(), longTitle))
                .anyMatch(v -> v.contains("maxLength 256")).anyMatch(v -> v.contains("below minimum 0"));
        assertThat(DISCORD.validate("POST", "/webhooks/abc/tok", Map.of("wait", "maybe"), valid))
                .anyMatch(v -> v.startsWith("path.webhook_id")).anyMatch(v -> v.startsWith("query.wait"));
        assertThat(DISCORD.validate("POST", "/channels/1/nonsense", Map.of(), valid)).containsExactly(
                "POST /channels/1/nonsense: no such operation in the spec");
    }

    @Test
    void xRejectsUnknownPropertiesAndWrongTypes() throws Exception {
        assertThat(X.validate("POST", "/2/tweets", Map.of(), JSON.readTree("{\"text\":\"hello\"}"))).isEmpty();
        assertThat(X.validate("POST", "/2/tweets", Map.of(), JSON.readTree("{\"text\":5,\"colour\":\"red\"}")))
                .contains("$.colour: unknown property").anyMatch(v -> v.startsWith("$.text: expected string"));
    }
}

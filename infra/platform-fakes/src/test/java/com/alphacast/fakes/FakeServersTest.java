package com.alphacast.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.fakes.discord.FakeDiscord;
import com.alphacast.fakes.telegram.FakeTelegram;
import com.alphacast.fakes.x.FakeX;
import com.alphacast.fakes.x.OAuth1Signature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FakeServersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(URI uri, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void telegramAnswersLikeTheBotApi() throws Exception {
        try (FakeTelegram telegram = FakeTelegram.start("1:t")) {
            telegram.blockedBy("13");
            URI send = URI.create(telegram.baseUri() + "/bot1:t/sendMessage");
            HttpResponse<String> ok = post(send, "{\"chat_id\":12,\"text\":\"<b>hi</b> &amp; bye\",\"parse_mode\":\"HTML\"}", Map.of());
            JsonNode message = JSON.readTree(ok.body());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(message.get("result").get("text").asText()).isEqualTo("hi & bye");
            assertThat(telegram.spec().validateType(message.get("result"), "Message")).isEmpty();

            HttpResponse<String> blocked = post(send, "{\"chat_id\":13,\"text\":\"x\"}", Map.of());
            assertThat(blocked.statusCode()).isEqualTo(403);
            assertThat(blocked.body()).contains("\"ok\":false", "bot was blocked by the user");

            telegram.faults().next(Fault.rateLimited(25));
            HttpResponse<String> limited = post(send, "{\"chat_id\":12,\"text\":\"x\"}", Map.of());
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(JSON.readTree(limited.body()).get("parameters").get("retry_after").asInt()).isEqualTo(25);

            assertThat(post(URI.create(telegram.baseUri() + "/bot9:wrong/sendMessage"), "{\"chat_id\":12,\"text\":\"x\"}",
                    Map.of()).statusCode()).isEqualTo(401);
            HttpResponse<String> broken = post(send, "{\"chat_id\":12,\"text\":\"<b>unclosed\",\"parse_mode\":\"HTML\"}", Map.of());
            assertThat(broken.statusCode()).isEqualTo(400);
            assertThat(broken.body()).contains("can't parse entities");
            assertThat(telegram.invalidRequests()).hasSize(1);
            assertThat(telegram.sentMessages()).hasSize(1);
        }
    }

    @Test
    void telegramAnswersInvoicesAndInviteLinksAsTheSpecTypesAndRefusesInvalidOnes() throws Exception {
        try (FakeTelegram telegram = FakeTelegram.start("1:t")) {
            HttpResponse<String> invoice = post(URI.create(telegram.baseUri() + "/bot1:t/sendInvoice"),
                    "{\"chat_id\":12,\"title\":\"Premium\",\"description\":\"30 days\",\"payload\":\"sub:v1:premium:30d:500\","
                            + "\"provider_token\":\"\",\"currency\":\"XTR\",\"prices\":[{\"label\":\"Premium\",\"amount\":500}]}", Map.of());
            assertThat(invoice.statusCode()).isEqualTo(200);
            assertThat(telegram.spec().validateType(JSON.readTree(invoice.body()).get("result"), "Message")).isEmpty();
            assertThat(JSON.readTree(invoice.body()).at("/result/invoice/total_amount").asLong()).isEqualTo(500);

            HttpResponse<String> link = post(URI.create(telegram.baseUri() + "/bot1:t/createChatInviteLink"),
                    "{\"chat_id\":-1001,\"member_limit\":1,\"expire_date\":1900000000}", Map.of());
            assertThat(telegram.spec().validateType(JSON.readTree(link.body()).get("result"), "ChatInviteLink")).isEmpty();
            assertThat(telegram.calls("createChatInviteLink")).singleElement()
                    .satisfies(call -> assertThat(call.text("member_limit")).isEqualTo("1"));

            HttpResponse<String> noPrices = post(URI.create(telegram.baseUri() + "/bot1:t/sendInvoice"),
                    "{\"chat_id\":12,\"title\":\"P\",\"description\":\"d\",\"payload\":\"p\",\"currency\":\"XTR\"}", Map.of());
            assertThat(noPrices.statusCode()).isEqualTo(400);
            assertThat(telegram.invalidRequests()).hasSize(1);
            assertThat(telegram.calls("sendInvoice")).hasSize(1);
        }
    }

    @Test
    void telegramEnforcesTheBroadcastLimitInASlidingSecond() throws Exception {
        MutableClock clock = new MutableClock();
        try (FakeTelegram telegram = new FakeTelegram(clock, "1:t", "Bot")) {
            telegram.limitGlobalPerSecond(3);
            URI send = URI.create(telegram.baseUri() + "/bot1:t/sendMessage");
            for (int i = 0; i < 3; i++) {
                assertThat(post(send, "{\"chat_id\":" + (20 + i) + ",\"text\":\"x\"}", Map.of()).statusCode()).isEqualTo(200);
            }
            assertThat(post(send, "{\"chat_id\":30,\"text\":\"x\"}", Map.of()).statusCode()).isEqualTo(429);
            clock.now = clock.now.plusMillis(1000);
            assertThat(post(send, "{\"chat_id\":30,\"text\":\"x\"}", Map.of()).statusCode()).isEqualTo(200);
            assertThat(telegram.throttledByLimits()).isEqualTo(1);
        }
    }

    @Test
    void discordChecksWebhookTokensAndAnswersRateLimitsWithHeaders() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start("bot")) {
            String hook = discord.addWebhook("123", "tok");
            String body = "{\"content\":\"hello\"}";
            assertThat(post(URI.create(hook + "?wait=true"), body, Map.of()).statusCode()).isEqualTo(200);
            assertThat(post(URI.create(discord.apiBase() + "/webhooks/123/bad"), body, Map.of()).body()).contains("50027");
            assertThat(post(URI.create(discord.apiBase() + "/webhooks/999/tok"), body, Map.of()).body()).contains("10015");
            discord.faults().next(Fault.rateLimited(1.5));
            HttpResponse<String> limited = post(URI.create(hook), body, Map.of());
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("X-RateLimit-Reset-After")).contains("1.5");
            assertThat(JSON.readTree(limited.body()).get("retry_after").asDouble()).isEqualTo(1.5);
            HttpResponse<String> empty = post(URI.create(hook), "{}", Map.of());
            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(empty.body()).contains("50035", "empty message");
        }
    }

    @Test
    void xVerifiesOAuthSignaturesAndRefusesDuplicates() throws Exception {
        try (FakeX x = FakeX.start(new FakeX.Credentials("ck", "cs", "at", "ats", null))) {
            URI tweets = URI.create(x.baseUri() + "/2/tweets");
            String header = oauthHeader(tweets, "cs", "ats");
            HttpResponse<String> created = post(tweets, "{\"text\":\"hello\"}", Map.of("Authorization", header));
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(created.body()).get("data").get("text").asText()).isEqualTo("hello");
            assertThat(post(tweets, "{\"text\":\"hello\"}", Map.of("Authorization", oauthHeader(tweets, "cs", "ats"))).statusCode())
                    .isEqualTo(403);
            assertThat(post(tweets, "{\"text\":\"other\"}", Map.of("Authorization", oauthHeader(tweets, "nope", "ats"))).statusCode())
                    .isEqualTo(401);
            x.faults().next(Fault.rateLimited(30));
            HttpResponse<String> limited = post(tweets, "{\"text\":\"third\"}", Map.of("Authorization", oauthHeader(tweets, "cs", "ats")));
            assertThat(limited.statusCode()).isEqualTo(429);
            long reset = Long.parseLong(limited.headers().firstValue("x-rate-limit-reset").orElseThrow());
            assertThat(reset).isBetween(Instant.now().getEpochSecond() + 28, Instant.now().getEpochSecond() + 32);
        }
    }

    @Test
    void xAnswersADuplicateAfterALostResponseWithItsRealProblemBody() throws Exception {
        try (FakeX x = FakeX.start(new FakeX.Credentials("ck", "cs", "at", "ats", null))) {
            URI tweets = URI.create(x.baseUri() + "/2/tweets");
            x.faults().next(Fault.lostResponse(java.time.Duration.ZERO));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> post(tweets, "{\"text\":\"ES long\"}",
                    Map.of("Authorization", oauthHeader(tweets, "cs", "ats")))).isInstanceOf(java.io.IOException.class);
            assertThat(x.posts()).as("the post exists although its answer was lost").hasSize(1);

            HttpResponse<String> duplicate = post(tweets, "{\"text\":\"ES long\"}", Map.of("Authorization", oauthHeader(tweets, "cs", "ats")));
            assertThat(duplicate.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(duplicate.body())).isEqualTo(JSON.readTree("{\"detail\":\"You are not allowed to create a Tweet "
                    + "with duplicate content.\",\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}"));
            // Every field is one the spec's problem objects declare, with the declared JSON type.
            JsonNode problemFields = x.spec().document().at("/components/schemas/DisallowedResourceProblem/properties");
            JSON.readTree(duplicate.body()).fields().forEachRemaining(field -> {
                assertThat(problemFields.has(field.getKey())).as(field.getKey()).isTrue();
                String type = problemFields.get(field.getKey()).path("type").asText();
                assertThat(type.equals("integer") ? field.getValue().isInt() : field.getValue().isTextual()).as(field.getKey()).isTrue();
            });
            assertThat(x.posts()).hasSize(1);
        }
    }

    @Test
    void xCountsABareLinkAtMostTwentyThreeSoItNeverRefusesAPostXWouldAccept() throws Exception {
        try (FakeX x = FakeX.start(new FakeX.Credentials("ck", "cs", "at", "ats", null))) {
            URI tweets = URI.create(x.baseUri() + "/2/tweets");
            // 250 + 1 + 23 = 274 as X counts it; 305 if the link were counted letter by letter.
            String fits = "a".repeat(250) + " alphacast.io/" + "p".repeat(40);
            assertThat(post(tweets, JSON.writeValueAsString(Map.of("text", fits)),
                    Map.of("Authorization", oauthHeader(tweets, "cs", "ats"))).statusCode()).isEqualTo(201);
            // 270 + 1 + 23 = 294: too long however the link is read.
            String tooLong = "b".repeat(270) + " alphacast.io/" + "p".repeat(20);
            HttpResponse<String> refused = post(tweets, JSON.writeValueAsString(Map.of("text", tooLong)),
                    Map.of("Authorization", oauthHeader(tweets, "cs", "ats")));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("294 weighted characters exceed 280");
            assertThat(x.posts()).hasSize(1);
        }
    }

    private static String oauthHeader(URI uri, String consumerSecret, String tokenSecret) {
        Map<String, String> oauth = new TreeMap<>(Map.of("oauth_consumer_key", "ck", "oauth_token", "at",
                "oauth_signature_method", "HMAC-SHA1", "oauth_timestamp", Long.toString(Instant.now().getEpochSecond()),
                "oauth_nonce", Long.toHexString(System.nanoTime()), "oauth_version", "1.0"));
        String signature = OAuth1Signature.sign("POST", "http://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(), oauth,
                consumerSecret, tokenSecret);
        StringBuilder header = new StringBuilder("OAuth ");
        oauth.forEach((k, v) -> header.append(k).append("=\"").append(v).append("\", "));
        header.append("oauth_signature=\"").append(java.net.URLEncoder.encode(signature, java.nio.charset.StandardCharsets.UTF_8)).append('"');
        return header.toString();
    }

    private static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-20T14:30:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

package com.alphacast.fakes.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.fakes.Fault;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOpenAiTest {

    private static final String KEY = "sk-test-morning";
    private static final String REQUEST = """
            {"model":"gpt-4o-mini","max_completion_tokens":800,
             "messages":[{"role":"system","content":"Write the briefing."},{"role":"user","content":"{\\"spot\\":661.1}"}],
             "response_format":{"type":"json_schema","json_schema":{"name":"briefing","strict":true,
               "schema":{"type":"object","properties":{"headline":{"type":"string"}},"required":["headline"],
                         "additionalProperties":false}}}}""";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeOpenAi fake = FakeOpenAi.start(KEY);

    @AfterEach
    void close() {
        fake.close();
    }

    private HttpResponse<String> post(String body, String key, Duration timeout) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/chat/completions"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersQueuedContentInTheSpecsResponseShapeThenTheAnalyst() throws Exception {
        fake.answerNext(new FakeOpenAi.Answer.Content("{\"headline\":\"queued\"}"))
                .analyst(request -> "{\"headline\":\"from " + request.path("model").asText() + "\"}");

        HttpResponse<String> first = post(REQUEST, KEY, Duration.ofSeconds(5));
        HttpResponse<String> second = post(REQUEST, KEY, Duration.ofSeconds(5));

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(first.body());
        assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("{\"headline\":\"queued\"}");
        assertThat(body.at("/usage/prompt_tokens").asLong()).isPositive();
        JsonNode schema = fake.spec().document().at("/components/schemas/CreateChatCompletionResponse");
        assertThat(fake.spec().schemas().validate(body, schema, "$")).isEmpty();
        assertThat(json.readTree(second.body()).at("/choices/0/message/content").asText())
                .isEqualTo("{\"headline\":\"from gpt-4o-mini\"}");
        assertThat(fake.invalidRequests()).isEmpty();
    }

    @Test
    void brokenJsonAndRefusalAreAnsweredAsTheModelWouldSendThem() throws Exception {
        fake.answerNext(new FakeOpenAi.Answer.BrokenJson(), new FakeOpenAi.Answer.Refusal("I can't help with that."));

        JsonNode broken = json.readTree(post(REQUEST, KEY, Duration.ofSeconds(5)).body());
        JsonNode refused = json.readTree(post(REQUEST, KEY, Duration.ofSeconds(5)).body());

        String content = broken.at("/choices/0/message/content").asText();
        assertThat(content).startsWith("{");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> json.readTree(content))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThat(refused.at("/choices/0/message/content").isNull()).isTrue();
        assertThat(refused.at("/choices/0/message/refusal").asText()).isEqualTo("I can't help with that.");
    }

    @Test
    void rejectsRequestsTheSpecRefusesAndWrongKeys() throws Exception {
        HttpResponse<String> noMessages = post("{\"model\":\"gpt-4o-mini\",\"messages\":[]}", KEY, Duration.ofSeconds(5));
        HttpResponse<String> badFormat = post(REQUEST.replace("\"json_schema\",\"json_schema\"", "\"xml\",\"json_schema\""),
                KEY, Duration.ofSeconds(5));
        HttpResponse<String> wrongKey = post(REQUEST, "sk-wrong", Duration.ofSeconds(5));

        assertThat(noMessages.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noMessages.body()).at("/error/message").asText()).contains("$.messages");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(json.readTree(wrongKey.body()).at("/error/code").asText()).isEqualTo("invalid_api_key");
        assertThat(fake.invalidRequests()).hasSize(2);
    }

    @Test
    void throttlesWithRetryAfterAndTimesOutWhenToldTo() throws Exception {
        fake.faults().next(Fault.rateLimited(1.5), Fault.timeout(Duration.ofSeconds(2)));

        HttpResponse<String> limited = post(REQUEST, KEY, Duration.ofSeconds(5));
        Exception timedOut = null;
        try {
            post(REQUEST, KEY, Duration.ofMillis(300));
        } catch (HttpTimeoutException e) {
            timedOut = e;
        }

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        assertThat(limited.headers().firstValue("retry-after-ms")).contains("1500");
        JsonNode error = fake.spec().document().at("/components/schemas/ErrorResponse");
        assertThat(fake.spec().schemas().validate(json.readTree(limited.body()), error, "$")).isEmpty();
        assertThat(timedOut).isNotNull();
        assertThat(fake.requests()).extracting(r -> r.fault()).containsExactly("RATE_LIMITED", "TIMEOUT");
        assertThat(fake.requests()).extracting(r -> r.path()).containsOnly("/v1/chat/completions");
        assertThat(List.of(fake.baseUrl())).allMatch(url -> url.endsWith("/v1"));
    }
}

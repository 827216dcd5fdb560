package com.alphacast.aws.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.usecase.briefing.ModelAttempt;
import com.alphacast.core.usecase.briefing.ModelPricing;
import com.alphacast.core.usecase.briefing.ModelPrompt;
import com.alphacast.core.usecase.briefing.ModelReply;
import com.alphacast.core.usecase.briefing.ModelRetryPolicy;
import com.alphacast.core.usecase.briefing.ModelUnavailableException;
import com.alphacast.core.usecase.briefing.RetryingLanguageModel;
import com.alphacast.core.usecase.briefing.TokenBudget;
import com.alphacast.fakes.Fault;
import com.alphacast.fakes.openai.FakeOpenAi;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiChatEndpointTest {

    private static final String KEY = "sk-proj-morning-briefing-key";
    private static final ModelPrompt PROMPT = new ModelPrompt("Write the pre-market briefing from the facts only.",
            "{\"facts\":[{\"id\":\"spy.spot\",\"value\":661.1}]}", "morning_briefing",
            "{\"type\":\"object\",\"properties\":{\"headline\":{\"type\":\"string\"}},\"required\":[\"headline\"],"
                    + "\"additionalProperties\":false}");

    private final FakeOpenAi fake = FakeOpenAi.start(KEY);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void close() {
        fake.close();
    }

    private OpenAiChatEndpoint endpoint(String key) {
        return new OpenAiChatEndpoint(http, OpenAiChatEndpoint.Dialect.OPENAI, URI.create(fake.baseUrl()), "gpt-4o-mini",
                key, "", Clock.systemUTC());
    }

    private RetryingLanguageModel model(String key) {
        return new RetryingLanguageModel(endpoint(key),
                new ModelRetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2),
                        Duration.ofSeconds(10)),
                new TokenBudget(4_000, 800), new ModelPricing(new BigDecimal("0.15"), new BigDecimal("0.60")),
                Clock.systemUTC(), waits::add);
    }

    @Test
    void sendsAStrictJsonSchemaRequestTheSpecAcceptsAndReadsContentAndUsage() throws Exception {
        fake.answerNext(new FakeOpenAi.Answer.Content("{\"headline\":\"SPY opens near 661.1\"}"));

        ModelReply reply = model(KEY).answer(PROMPT);

        assertThat(fake.invalidRequests()).isEmpty();
        var sent = fake.requests().get(0);
        assertThat(sent.headers().get("authorization")).isEqualTo("Bearer " + KEY);
        assertThat(sent.json().at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(sent.json().at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(sent.json().at("/response_format/json_schema/name").asText()).isEqualTo("morning_briefing");
        assertThat(sent.json().at("/response_format/json_schema/schema/required/0").asText()).isEqualTo("headline");
        assertThat(sent.json().at("/max_completion_tokens").asInt()).isEqualTo(800);
        assertThat(sent.json().at("/messages/1/content").asText()).isEqualTo(PROMPT.facts());
        assertThat(reply.text()).isEqualTo("{\"headline\":\"SPY opens near 661.1\"}");
        assertThat(reply.usage().provider()).isEqualTo("openai");
        assertThat(reply.usage().model()).isEqualTo("gpt-4o-mini");
        assertThat(reply.usage().attempts()).isEqualTo(1);
        assertThat(reply.usage().inputTokens()).isPositive();
        assertThat(reply.usage().outputTokens()).isPositive();
        assertThat(reply.usage().costUsd()).isPositive();
    }

    @Test
    void retriesA429AfterTheServersRetryAfterThenAnswers() throws Exception {
        fake.faults().next(Fault.rateLimited(0.25));
        fake.answerNext(new FakeOpenAi.Answer.Content("{\"headline\":\"after the wait\"}"));

        ModelReply reply = model(KEY).answer(PROMPT);

        assertThat(waits).containsExactly(Duration.ofMillis(250));
        assertThat(reply.usage().attempts()).isEqualTo(2);
        assertThat(reply.text()).contains("after the wait");
    }

    @Test
    void aSilentServerTimesOutEachAttemptThenTheModelIsUnavailable() {
        fake.faults().next(Fault.timeout(Duration.ofSeconds(3)), Fault.timeout(Duration.ofSeconds(3)),
                Fault.timeout(Duration.ofSeconds(3)));
        RetryingLanguageModel model = new RetryingLanguageModel(endpoint(KEY),
                new ModelRetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(300),
                        Duration.ofSeconds(5)),
                new TokenBudget(4_000, 800), ModelPricing.free(), Clock.systemUTC(), waits::add);

        assertThatThrownBy(() -> model.answer(PROMPT))
                .isInstanceOfSatisfying(ModelUnavailableException.class, e -> assertThat(e.attempts()).isEqualTo(2))
                .hasMessageContaining("no answer within 300 ms");
    }

    @Test
    void brokenJsonComesBackAsTextForTheValidatorToReject() throws Exception {
        fake.answerNext(new FakeOpenAi.Answer.BrokenJson());

        ModelReply reply = model(KEY).answer(PROMPT);

        assertThatThrownBy(() -> new ObjectMapper().readTree(reply.text()))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
    }

    @Test
    void aWrongKeyOrARefusalFailsAtOnceWithoutLeakingTheKey() {
        assertThatThrownBy(() -> model("sk-wrong-key").answer(PROMPT))
                .hasMessageContaining("HTTP 401: Incorrect API key provided.")
                .hasMessageNotContaining("sk-wrong-key");
        fake.answerNext(new FakeOpenAi.Answer.Refusal("I can't assist with that."));
        assertThat(endpoint(KEY).attempt(PROMPT, 800, Duration.ofSeconds(2)))
                .isEqualTo(new ModelAttempt.Failed("the model refused: I can't assist with that."));
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void azureDialectAddressesTheDeploymentWithApiVersionAndApiKeyHeader() {
        OpenAiChatEndpoint azure = new OpenAiChatEndpoint(http, OpenAiChatEndpoint.Dialect.AZURE,
                URI.create(fake.baseUri() + "/"), "briefing-gpt4o", KEY, "2024-10-21", Clock.systemUTC());

        ModelAttempt attempt = azure.attempt(PROMPT, 800, Duration.ofSeconds(2));

        var sent = fake.requests().get(0);
        assertThat(sent.path()).isEqualTo("/openai/deployments/briefing-gpt4o/chat/completions");
        assertThat(sent.query()).containsEntry("api-version", "2024-10-21");
        assertThat(sent.headers()).containsEntry("api-key", KEY).doesNotContainKey("authorization");
        // The fake speaks OpenAI's own surface only, and says so.
        assertThat(attempt).isInstanceOf(ModelAttempt.Failed.class);
        assertThat(azure.provider()).isEqualTo("azure-openai");
    }

    @Test
    void readsRetryAfterAsMillisecondsSecondsOrAnHttpDate() {
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-04-02T12:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(RetryAfterHeader.parse(Optional.of("1500"), Optional.of("2"), clock)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfterHeader.parse(Optional.empty(), Optional.of("7"), clock)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfterHeader.parse(Optional.empty(), Optional.of("Thu, 02 Apr 2026 12:00:30 GMT"), clock))
                .contains(Duration.ofSeconds(30));
        assertThat(RetryAfterHeader.parse(Optional.empty(), Optional.of("soon"), clock)).isEmpty();
        assertThat(RetryAfterHeader.parse(Optional.of("-5"), Optional.empty(), clock)).isEmpty();
    }
}

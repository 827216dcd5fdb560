package com.alphacast.aws.llm;

import com.alphacast.core.usecase.briefing.ModelAttempt;
import com.alphacast.core.usecase.briefing.ModelEndpoint;
import com.alphacast.core.usecase.briefing.ModelPrompt;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One Chat Completions request to an OpenAI-compatible server (OpenAI, Azure OpenAI, vLLM, llama.cpp,
 * Ollama) over the JDK's HTTP client, with structured output: {@code response_format} of type
 * {@code json_schema}, {@code strict: true}, so a conforming server can only answer in the briefing's schema.
 * 429, 408 and 5xx, timeouts and dropped connections are transient (with the server's Retry-After); other
 * statuses, refusals and answers cut off at the token limit are failures. The key is sent in a header and
 * appears in no message.
 */
public final class OpenAiChatEndpoint implements ModelEndpoint {

    /** How the server wants to be addressed. */
    public enum Dialect {
        /** {@code POST <base>/chat/completions}, {@code Authorization: Bearer <key>}: OpenAI and the local servers. */
        OPENAI("openai"),
        /** {@code POST <base>/openai/deployments/<model>/chat/completions?api-version=...}, {@code api-key: <key>}. */
        AZURE("azure-openai");

        private final String provider;

        Dialect(String provider) {
            this.provider = provider;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final URI endpoint;
    private final Dialect dialect;
    private final String model;
    private final String apiKey;
    private final Clock clock;

    /**
     * @param baseUrl    e.g. {@code https://api.openai.com/v1}, {@code http://127.0.0.1:11434/v1} (Ollama),
     *                   {@code https://<resource>.openai.azure.com} (Azure)
     * @param model      model id (Azure: the deployment name)
     * @param apiKey     the resolved key (local servers accept any non-empty one)
     * @param apiVersion Azure's {@code api-version}; ignored by the OpenAI dialect
     */
    public OpenAiChatEndpoint(HttpClient http, Dialect dialect, URI baseUrl, String model, String apiKey,
                              String apiVersion, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.model = requireText(model, "model");
        this.apiKey = requireText(apiKey, "apiKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceAll("/+$", "");
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new IllegalArgumentException("model base URL must be http(s), was " + base);
        }
        this.endpoint = switch (dialect) {
            case OPENAI -> URI.create(base + "/chat/completions");
            case AZURE -> URI.create(base + "/openai/deployments/" + URLEncoder.encode(model, StandardCharsets.UTF_8)
                    + "/chat/completions?api-version=" + URLEncoder.encode(requireText(apiVersion, "apiVersion"),
                    StandardCharsets.UTF_8));
        };
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    @Override
    public String provider() {
        return dialect.provider;
    }

    @Override
    public String model() {
        return model;
    }

    /** The request body sent for {@code prompt} (the tests check it against the OpenAPI document). */
    public String requestBody(ModelPrompt prompt, int maxOutputTokens) {
        ObjectNode body = json.createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", prompt.instructions());
        messages.addObject().put("role", "user").put("content", prompt.facts());
        body.put("max_completion_tokens", maxOutputTokens);
        ObjectNode format = body.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode schema = format.putObject("json_schema");
        schema.put("name", prompt.schemaName());
        schema.put("strict", true);
        try {
            schema.set("schema", json.readTree(prompt.answerSchema()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("answer schema is not JSON: " + e.getOriginalMessage(), e);
        }
        return body.toString();
    }

    @Override
    public ModelAttempt attempt(ModelPrompt prompt, int maxOutputTokens, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(prompt, maxOutputTokens)));
        if (dialect == Dialect.AZURE) {
            request.header("api-key", apiKey);
        } else {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new ModelAttempt.Transient("no answer within " + timeout.toMillis() + " ms", Optional.empty());
        } catch (IOException e) {
            return new ModelAttempt.Transient("connection to " + endpoint.getHost() + " failed: " + e, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ModelAttempt.Failed("interrupted");
        }
        int status = response.statusCode();
        if (status == 429 || status == 408 || status >= 500) {
            return new ModelAttempt.Transient("HTTP " + status + errorMessage(response.body()),
                    RetryAfterHeader.parse(response.headers().firstValue("retry-after-ms"),
                            response.headers().firstValue("retry-after"), clock));
        }
        if (status != 200) {
            return new ModelAttempt.Failed("HTTP " + status + errorMessage(response.body()));
        }
        return answer(response.body());
    }

    private ModelAttempt answer(String body) {
        JsonNode completion;
        try {
            completion = json.readTree(body);
        } catch (JsonProcessingException e) {
            return new ModelAttempt.Failed("the response is not JSON (" + body.length() + " characters)");
        }
        JsonNode choice = completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (message.hasNonNull("refusal")) {
            return new ModelAttempt.Failed("the model refused: " + message.get("refusal").asText());
        }
        if ("length".equals(choice.path("finish_reason").asText())) {
            return new ModelAttempt.Failed("the answer was cut off at the output token limit");
        }
        if (!message.path("content").isTextual()) {
            return new ModelAttempt.Failed("the response has no choices[0].message.content");
        }
        JsonNode usage = completion.path("usage");
        return new ModelAttempt.Answered(message.get("content").asText(), completion.path("model").asText(model),
                usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0));
    }

    /** ": <error.message>" from an OpenAI error body, or nothing when the body has none. */
    private String errorMessage(String body) {
        try {
            JsonNode message = json.readTree(body).path("error").path("message");
            // Providers echo part of a rejected key; never let the real one into a log line.
            return message.isTextual() ? ": " + message.asText().replace(apiKey, "<redacted>") : "";
        } catch (JsonProcessingException e) {
            return "";
        }
    }
}

package com.alphacast.aws.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.AwsClients;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.usecase.briefing.ModelAttempt;
import com.alphacast.core.usecase.briefing.ModelPrompt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The Converse adapter against a loopback HTTP server speaking Bedrock's REST-JSON protocol. Every request the
 * SDK sends is checked against the Bedrock Runtime service model's {@code ConverseRequest} shape (botocore's
 * {@code service-2.json}, in testdata), so a field our code sets wrongly or the model does not define fails here.
 */
class BedrockConverseEndpointTest {

    private static final ModelPrompt PROMPT = new ModelPrompt("Write the pre-market briefing from the facts only.",
            "{\"facts\":[{\"id\":\"spy.spot\",\"value\":658.05}]}", "morning_briefing",
            "{\"type\":\"object\",\"properties\":{\"headline\":{\"type\":\"string\"}},\"required\":[\"headline\"]}");
    private static final String MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";

    private record Reply(int status, Map<String, String> headers, String body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<JsonNode> received = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();
    private JsonNode serviceModel;
    private HttpServer server;
    private BedrockRuntimeClient client;

    @BeforeEach
    void start() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                TestData.file("aws/bedrock-runtime_2023-09-30_service-2.json.gz")))) {
            serviceModel = json.readTree(in);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (received) {
                received.add(json.readTree(body));
                paths.add(exchange.getRequestURI().getRawPath());
            }
            Reply reply;
            synchronized (replies) {
                reply = replies.poll();
            }
            if (reply == null) {
                exchange.close();
                return;
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        });
        server.start();
        client = new AwsClients(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:" + server.getAddress().getPort())).bedrockRuntime();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private static Reply answer(String text, String stopReason) {
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return new Reply(200, Map.of(), "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\""
                + escaped + "\"}]}},\"stopReason\":\"" + stopReason + "\",\"usage\":{\"inputTokens\":812,"
                + "\"outputTokens\":164,\"totalTokens\":976},\"metrics\":{\"latencyMs\":1432}}");
    }

    @Test
    void structuredOutputGoesInOutputConfigAndTheAnswerAndUsageAreRead() {
        replies.add(answer("{\"headline\":\"SPY near 658.05\"}", "end_turn"));
        BedrockConverseEndpoint endpoint = new BedrockConverseEndpoint(client, MODEL, true, Clock.systemUTC());

        ModelAttempt attempt = endpoint.attempt(PROMPT, 900, Duration.ofSeconds(5));

        assertThat(attempt).isEqualTo(new ModelAttempt.Answered("{\"headline\":\"SPY near 658.05\"}", MODEL, 812, 164));
        JsonNode sent = received.get(0);
        assertThat(paths.get(0)).isEqualTo("/model/" + MODEL.replace(":", "%3A") + "/converse");
        assertThat(violations(sent, "ConverseRequest", "$")).isEmpty();
        assertThat(sent.at("/outputConfig/textFormat/type").asText()).isEqualTo("json_schema");
        assertThat(sent.at("/outputConfig/textFormat/structure/jsonSchema/schema").asText()).isEqualTo(PROMPT.answerSchema());
        assertThat(sent.at("/inferenceConfig/maxTokens").asInt()).isEqualTo(900);
        assertThat(sent.at("/messages/0/content/0/text").asText()).isEqualTo(PROMPT.facts());
    }

    @Test
    void withoutStructuredOutputTheSchemaIsInTheSystemPromptAndJsonIsTakenOutOfTheText() {
        replies.add(answer("Here is the briefing:\n```json\n{\"headline\":\"SPY near 658.05\"}\n```", "end_turn"));
        BedrockConverseEndpoint endpoint = new BedrockConverseEndpoint(client, "meta.llama3-70b-instruct-v1:0", false,
                Clock.systemUTC());

        ModelAttempt attempt = endpoint.attempt(PROMPT, 900, Duration.ofSeconds(5));

        assertThat(((ModelAttempt.Answered) attempt).text()).isEqualTo("{\"headline\":\"SPY near 658.05\"}");
        JsonNode sent = received.get(0);
        assertThat(violations(sent, "ConverseRequest", "$")).isEmpty();
        assertThat(sent.has("outputConfig")).isFalse();
        assertThat(sent.at("/system/0/text").asText()).contains(PROMPT.answerSchema());
    }

    @Test
    void throttlingIsTransientWithRetryAfterAndValidationErrorsAreFailures() {
        replies.add(new Reply(429, Map.of("x-amzn-ErrorType", "ThrottlingException", "Retry-After", "3"),
                "{\"message\":\"Too many requests, please wait before trying again.\"}"));
        replies.add(new Reply(400, Map.of("x-amzn-ErrorType", "ValidationException"),
                "{\"message\":\"This model doesn't support the outputConfig field.\"}"));
        replies.add(answer("{\"headline\":\"cut", "max_tokens"));
        BedrockConverseEndpoint endpoint = new BedrockConverseEndpoint(client, MODEL, true, Clock.systemUTC());

        ModelAttempt throttled = endpoint.attempt(PROMPT, 900, Duration.ofSeconds(5));
        ModelAttempt invalid = endpoint.attempt(PROMPT, 900, Duration.ofSeconds(5));
        ModelAttempt cutOff = endpoint.attempt(PROMPT, 900, Duration.ofSeconds(5));

        assertThat(throttled).isInstanceOfSatisfying(ModelAttempt.Transient.class, t -> {
            assertThat(t.reason()).contains("429").contains("ThrottlingException");
            assertThat(t.retryAfter()).contains(Duration.ofSeconds(3));
        });
        assertThat(invalid).isInstanceOfSatisfying(ModelAttempt.Failed.class,
                f -> assertThat(f.reason()).contains("ValidationException").contains("outputConfig"));
        assertThat(cutOff).isEqualTo(new ModelAttempt.Failed("the answer was cut off at the output token limit"));
        assertThat(received).hasSize(3); // the SDK's own retries are off: our policy decides
    }

    @Test
    void aSilentServerIsATransientTimeout() {
        BedrockConverseEndpoint endpoint = new BedrockConverseEndpoint(client, MODEL, true, Clock.systemUTC());

        ModelAttempt attempt = endpoint.attempt(PROMPT, 900, Duration.ofMillis(500));

        assertThat(attempt).isInstanceOf(ModelAttempt.Transient.class);
    }

    /** Every way {@code value} breaks botocore shape {@code shapeName} (members, required, enums, lists, unions). */
    private List<String> violations(JsonNode value, String shapeName, String path) {
        List<String> out = new ArrayList<>();
        JsonNode shape = serviceModel.path("shapes").path(shapeName);
        switch (shape.path("type").asText()) {
            case "structure" -> {
                if (!value.isObject()) {
                    out.add(path + ": expected an object for " + shapeName);
                    return out;
                }
                shape.path("required").forEach(required -> {
                    JsonNode member = shape.path("members").path(required.asText());
                    boolean inPath = "uri".equals(member.path("location").asText());
                    if (!inPath && !value.has(required.asText())) {
                        out.add(path + "." + required.asText() + ": required by " + shapeName);
                    }
                });
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                int set = 0;
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    JsonNode member = shape.path("members").path(field.getKey());
                    if (member.isMissingNode()) {
                        out.add(path + "." + field.getKey() + ": not a member of " + shapeName);
                    } else {
                        set++;
                        out.addAll(violations(field.getValue(), member.path("shape").asText(), path + "." + field.getKey()));
                    }
                }
                if (shape.path("union").asBoolean(false) && set != 1) {
                    out.add(path + ": union " + shapeName + " needs exactly one member, has " + set);
                }
            }
            case "list" -> {
                if (!value.isArray()) {
                    out.add(path + ": expected a list for " + shapeName);
                    return out;
                }
                for (int i = 0; i < value.size(); i++) {
                    out.addAll(violations(value.get(i), shape.path("member").path("shape").asText(), path + "[" + i + "]"));
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    out.add(path + ": expected a string for " + shapeName);
                } else if (shape.has("enum")) {
                    boolean known = false;
                    for (JsonNode option : shape.get("enum")) {
                        known |= option.asText().equals(value.asText());
                    }
                    if (!known) {
                        out.add(path + ": '" + value.asText() + "' is not one of " + shape.get("enum"));
                    }
                }
            }
            case "integer", "long" -> {
                if (!value.isIntegralNumber()) {
                    out.add(path + ": expected an integer for " + shapeName);
                } else if (shape.has("min") && value.asLong() < shape.get("min").asLong()) {
                    out.add(path + ": below the minimum " + shape.get("min") + " of " + shapeName);
                }
            }
            case "structure_document", "" -> out.add(path + ": unknown shape " + shapeName);
            default -> {
                // documents, blobs, floats, booleans, timestamps, maps: not sent by this adapter
            }
        }
        return out;
    }
}

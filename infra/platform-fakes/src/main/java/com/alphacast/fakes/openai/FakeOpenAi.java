package com.alphacast.fakes.openai;

import com.alphacast.fakes.Fault;
import com.alphacast.fakes.LoopbackServer;
import com.alphacast.fakes.RecordedRequest;
import com.alphacast.fakes.spec.ApiSpecs;
import com.alphacast.fakes.spec.OpenApiSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A loopback OpenAI-compatible Chat Completions server ({@code POST /v1/chat/completions}), the stand-in for
 * OpenAI, Azure OpenAI's v1 surface, vLLM, llama.cpp and Ollama. Every request is checked against the official
 * OpenAPI document ({@code openai/openapi.json}) and the bearer key; answers have the spec's
 * {@code CreateChatCompletionResponse} shape with token usage.
 *
 * <p>What the model says comes from a queue of {@link Answer}s, then from the {@code analyst} (a function of
 * the request, so an answer can quote the facts it was sent). Throttling (429 with {@code Retry-After}) and
 * timeouts come from {@link #faults()}, like the other fakes.
 */
public final class FakeOpenAi extends LoopbackServer {

    /** What the fake model answers to one request. */
    public sealed interface Answer {
        /** A normal answer whose message content is {@code content}. */
        record Content(String content) implements Answer {
            public Content {
                Objects.requireNonNull(content, "content");
            }
        }

        /** Content that is not JSON (cut off mid-object), as a model ignoring the format would send. */
        record BrokenJson() implements Answer {
        }

        /** The model refuses (structured outputs' {@code refusal} field, content null). */
        record Refusal(String reason) implements Answer {
        }
    }

    private static final String PREFIX = "/v1";

    private final OpenApiSpec spec;
    private final String apiKey;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong(1);
    private volatile Function<JsonNode, String> analyst = request -> "{}";

    /** Accepts requests bearing {@code apiKey}; checks them against the bundled spec ({@link ApiSpecs#openAi()}). */
    public FakeOpenAi(Clock clock, String apiKey) {
        super(clock);
        this.spec = ApiSpecs.openAi();
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    }

    public static FakeOpenAi start(String apiKey) {
        return new FakeOpenAi(Clock.systemUTC(), apiKey);
    }

    /** The base URL a client is configured with: {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return baseUri() + PREFIX;
    }

    public OpenApiSpec spec() {
        return spec;
    }

    /** The next requests are answered with these, in order. */
    public synchronized FakeOpenAi answerNext(Answer... next) {
        answers.addAll(List.of(next));
        return this;
    }

    /** Answers every request once the queue is empty: content computed from the request body. */
    public FakeOpenAi analyst(Function<JsonNode, String> contentForRequest) {
        this.analyst = Objects.requireNonNull(contentForRequest, "contentForRequest");
        return this;
    }

    @Override
    protected List<String> validate(RecordedRequest request) {
        if (!request.body().isEmpty() && request.json() == null) {
            return List.of("body is not JSON");
        }
        if (!request.path().startsWith(PREFIX + "/")) {
            return List.of(request.path() + ": the API lives under " + PREFIX);
        }
        return new ArrayList<>(spec.validate(request.method(), request.path().substring(PREFIX.length()),
                request.query(), request.json()));
    }

    @Override
    protected Response invalid(RecordedRequest request, List<String> violations) {
        return error(400, "invalid_request_error", String.join("; ", violations), null);
    }

    @Override
    protected Response serve(RecordedRequest request) {
        if (!("Bearer " + apiKey).equals(request.headers().get("authorization"))) {
            return error(401, "invalid_request_error", "Incorrect API key provided.", "invalid_api_key");
        }
        Answer answer;
        synchronized (this) {
            answer = answers.poll();
        }
        if (answer == null) {
            answer = new Answer.Content(analyst.apply(request.json()));
        }
        return Response.json(200, write(completion(request.json(), answer)));
    }

    @Override
    protected Response fault(Fault fault, RecordedRequest request) {
        return switch (fault.kind()) {
            case RATE_LIMITED -> {
                Response limited = error(429, "requests", "Rate limit reached for requests. Please try again in "
                        + fault.retryAfterSeconds() + "s.", "rate_limit_exceeded");
                // OpenAI sends whole seconds in Retry-After and the precise wait in retry-after-ms.
                yield new Response(429, Map.of("Retry-After", String.valueOf((long) Math.ceil(fault.retryAfterSeconds())),
                        "retry-after-ms", String.valueOf((long) (fault.retryAfterSeconds() * 1000))), limited.body());
            }
            case SERVER_ERROR -> error(fault.status(), "server_error", "The server had an error while processing your"
                    + " request. Sorry about that!", null);
            case FORBIDDEN -> error(403, "invalid_request_error", "Project does not have access to the model.",
                    "model_not_found");
            default -> throw new IllegalStateException("no response shape for " + fault.kind());
        };
    }

    private ObjectNode completion(JsonNode request, Answer answer) {
        ObjectNode body = json.createObjectNode();
        body.put("id", "chatcmpl-fake" + ids.getAndIncrement());
        body.put("object", "chat.completion");
        body.put("created", clock.instant().getEpochSecond());
        body.put("model", request.path("model").asText());
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", "stop");
        choice.putNull("logprobs");
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        String content;
        if (answer instanceof Answer.Content given) {
            content = given.content();
            message.put("content", content);
            message.putNull("refusal");
        } else if (answer instanceof Answer.Refusal refusal) {
            content = refusal.reason();
            message.putNull("content");
            message.put("refusal", content);
        } else {
            content = "{\"headline\": \"Futures point higher as";
            message.put("content", content);
            message.putNull("refusal");
        }
        long promptTokens = tokens(request.toString());
        long completionTokens = tokens(content);
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        return body;
    }

    /** Roughly four characters a token, as OpenAI's tokenizers average on English text. */
    private static long tokens(String text) {
        return (text.length() + 3) / 4;
    }

    private Response error(int status, String type, String message, String code) {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return Response.json(status, write(body));
    }
}

package com.alphacast.cli.morning;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.llm.LanguageModelSettings;
import com.alphacast.fakes.openai.FactQuotingAnalyst;
import com.alphacast.fakes.openai.FakeOpenAi;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The language model {@code --llm} names, as the template parameters and function environment of the local stack.
 * {@code fake} starts a loopback {@link FakeOpenAi} whose model quotes the facts it is sent
 * ({@link FactQuotingAnalyst}) and points the function at it with a key made for the run; {@code openai} and
 * {@code bedrock} take their settings from this process's environment, checked (key named) before anything starts.
 * A local run never reads SSM or Secrets Manager, so an API key comes as {@code env:NAME}.
 */
public final class ModelChoice implements AutoCloseable {

    public enum Kind {
        NONE("none"), FAKE("fake"), OPENAI("openai"), BEDROCK("bedrock");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /** The environment variable the fake model's key travels in (the template takes references only). */
    static final String FAKE_KEY_VARIABLE = "ALPHACAST_FAKE_MODEL_KEY";
    static final String FAKE_MODEL_ID = "fact-quoting-analyst";
    static final String BEDROCK_TOKEN = "AWS_BEARER_TOKEN_BEDROCK";

    private final Kind kind;
    private final Map<String, String> parameters;
    private final Map<String, String> environment;
    private final Optional<FakeOpenAi> fake;

    private ModelChoice(Kind kind, Map<String, String> parameters, Map<String, String> environment,
                        Optional<FakeOpenAi> fake) {
        this.kind = kind;
        this.parameters = Map.copyOf(parameters);
        this.environment = Map.copyOf(environment);
        this.fake = fake;
    }

    /**
     * Checks the settings of {@code kind} and, for {@code fake}, starts the loopback server.
     *
     * @throws ConfigException naming the missing or bad setting
     */
    public static ModelChoice of(Kind kind, Map<String, String> process) {
        // --llm says which provider; the rest of the settings are read as the function would read them.
        Map<String, String> processEnvironment = new HashMap<>(process);
        processEnvironment.put(LanguageModelSettings.PROVIDER, kind == Kind.FAKE ? "openai" : kind.key);
        Map<String, String> parameters = new HashMap<>();
        Map<String, String> environment = new HashMap<>();
        parameters.put("ModelProvider", kind == Kind.FAKE ? "openai" : kind.key);
        switch (kind) {
            case NONE -> {
                return new ModelChoice(kind, parameters, environment, Optional.empty());
            }
            case FAKE -> {
                String key = "sk-local-" + UUID.randomUUID();
                FakeOpenAi server = FakeOpenAi.start(key).analyst(new FactQuotingAnalyst());
                parameters.put("ModelId", FAKE_MODEL_ID);
                parameters.put("ModelBaseUrl", server.baseUrl());
                parameters.put("ModelApiKeyReference", "env:" + FAKE_KEY_VARIABLE);
                environment.put(FAKE_KEY_VARIABLE, key);
                return new ModelChoice(kind, parameters, environment, Optional.of(server));
            }
            case OPENAI -> {
                String source = "the environment of ./alphacast morning --llm openai";
                LanguageModelSettings settings = LanguageModelSettings.from(processEnvironment, source);
                String reference = processEnvironment.get(LanguageModelSettings.API_KEY).trim();
                if (!reference.startsWith("env:")) {
                    throw new ConfigException(source + ": " + LanguageModelSettings.API_KEY + " must be env:NAME here:"
                            + " a local run never reads SSM or Secrets Manager");
                }
                String variable = reference.substring(4);
                String key = processEnvironment.get(variable);
                if (key == null || key.isBlank()) {
                    throw new ConfigException(source + ": " + LanguageModelSettings.API_KEY + " names " + variable
                            + ", which is not set");
                }
                parameters.put("ModelId", settings.model());
                parameters.put("ModelBaseUrl", settings.baseUrl().orElseThrow().toString());
                parameters.put("ModelApiKeyReference", reference);
                environment.put(variable, key);
                return new ModelChoice(kind, parameters, environment, Optional.empty());
            }
            case BEDROCK -> {
                String source = "the environment of ./alphacast morning --llm bedrock";
                LanguageModelSettings settings = LanguageModelSettings.from(processEnvironment, source);
                String token = processEnvironment.get(BEDROCK_TOKEN);
                if (token == null || token.isBlank()) {
                    // The local stack's functions run with the embedded servers' dummy AWS credentials.
                    throw new ConfigException(source + ": " + BEDROCK_TOKEN + " is missing (a Bedrock API key: the"
                            + " local stack's functions have no AWS credentials of yours)");
                }
                parameters.put("ModelId", settings.model());
                environment.put(BEDROCK_TOKEN, token);
                return new ModelChoice(kind, parameters, environment, Optional.empty());
            }
            default -> throw new IllegalStateException("unhandled model kind " + kind);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** Template parameters: ModelProvider, ModelId, ModelBaseUrl, ModelApiKeyReference. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** Extra function environment: the variable an {@code env:} key reference names. Never printed. */
    public Map<String, String> environment() {
        return environment;
    }

    /** What the report says about the model (never a key). */
    public String describe() {
        return switch (kind) {
            case NONE -> "none (the template briefing)";
            case FAKE -> "fake: " + FAKE_MODEL_ID + " on " + fake.orElseThrow().baseUrl()
                    + " (a loopback OpenAI-compatible server; the model quotes the facts it is sent)";
            case OPENAI -> "openai: " + parameters.get("ModelId") + " at " + parameters.get("ModelBaseUrl");
            case BEDROCK -> "bedrock: " + parameters.get("ModelId");
        };
    }

    @Override
    public void close() {
        fake.ifPresent(FakeOpenAi::close);
    }
}

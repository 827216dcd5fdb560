package com.alphacast.aws.llm;

import com.alphacast.aws.AwsClients;
import com.alphacast.aws.config.SecretResolver;
import com.alphacast.core.usecase.briefing.LanguageModel;
import com.alphacast.core.usecase.briefing.ModelEndpoint;
import com.alphacast.core.usecase.briefing.RetryingLanguageModel;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the configured {@link LanguageModel} from {@link LanguageModelSettings}: the adapter, wrapped in
 * {@link RetryingLanguageModel}. The key is resolved here, once, from its secret reference.
 */
public final class LanguageModels {

    private final AwsClients aws;
    private final SecretResolver secrets;
    private final Clock clock;

    public LanguageModels(AwsClients aws, SecretResolver secrets, Clock clock) {
        this.aws = Objects.requireNonNull(aws, "aws");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The model, or empty when the provider is {@code none} (the template briefing is written every day). */
    public Optional<LanguageModel> build(LanguageModelSettings settings) {
        ModelEndpoint endpoint = switch (settings.provider()) {
            case NONE -> null;
            case BEDROCK -> new BedrockConverseEndpoint(aws.bedrockRuntime(), settings.model(),
                    settings.structuredOutput(), clock);
            case OPENAI, AZURE_OPENAI -> new OpenAiChatEndpoint(
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                    settings.provider() == LanguageModelSettings.Provider.AZURE_OPENAI
                            ? OpenAiChatEndpoint.Dialect.AZURE : OpenAiChatEndpoint.Dialect.OPENAI,
                    settings.baseUrl().orElseThrow(), settings.model(),
                    secrets.resolve(settings.apiKeyReference().orElseThrow()), settings.apiVersion().orElse(""), clock);
        };
        if (endpoint == null) {
            return Optional.empty();
        }
        return Optional.of(new RetryingLanguageModel(endpoint, settings.retries(), settings.budget(), settings.pricing(),
                clock, duration -> Thread.sleep(duration.toMillis())));
    }
}

package com.alphacast.aws.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.AwsClients;
import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.config.SecretResolver;
import com.alphacast.core.usecase.briefing.LanguageModel;
import com.alphacast.core.usecase.briefing.ModelPrompt;
import com.alphacast.fakes.openai.FakeOpenAi;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageModelSettingsTest {

    private static final String SOURCE = "template.yaml, MorningAnalysisFunction";

    private static Map<String, String> openAi() {
        Map<String, String> environment = new HashMap<>();
        environment.put("MODEL_PROVIDER", "openai");
        environment.put("MODEL_ID", "gpt-4o-mini");
        environment.put("MODEL_BASE_URL", "https://api.openai.com/v1");
        environment.put("MODEL_API_KEY", "ssm:/alphacast/openai/api-key");
        return environment;
    }

    @Test
    void readsAnOpenAiCompatibleServerWithDefaultsForLimits() {
        LanguageModelSettings settings = LanguageModelSettings.from(openAi(), SOURCE);

        assertThat(settings.provider()).isEqualTo(LanguageModelSettings.Provider.OPENAI);
        assertThat(settings.apiKeyReference()).contains("ssm:/alphacast/openai/api-key");
        assertThat(settings.retries().maxAttempts()).isEqualTo(3);
        assertThat(settings.retries().deadline()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.budget().maxOutputTokens()).isEqualTo(1_200);
    }

    @Test
    void missingOrMalformedSettingsStopStartUpNamingTheKeyAndTheFile() {
        Map<String, String> noModel = openAi();
        noModel.remove("MODEL_ID");
        Map<String, String> literalKey = openAi();
        literalKey.put("MODEL_API_KEY", "sk-proj-abcdefghijklmnop");
        Map<String, String> badUrl = openAi();
        badUrl.put("MODEL_BASE_URL", "api.openai.com/v1");
        Map<String, String> azureWithoutVersion = openAi();
        azureWithoutVersion.put("MODEL_PROVIDER", "azure-openai");
        Map<String, String> deadlineTooShort = openAi();
        deadlineTooShort.put("MODEL_DEADLINE_SECONDS", "10");

        assertThatThrownBy(() -> LanguageModelSettings.from(Map.of(), SOURCE)).isInstanceOf(ConfigException.class)
                .hasMessage("template.yaml, MorningAnalysisFunction: MODEL_PROVIDER is missing (none, openai, azure-openai or bedrock)");
        assertThatThrownBy(() -> LanguageModelSettings.from(Map.of("MODEL_PROVIDER", "gemini"), SOURCE))
                .hasMessageContaining("MODEL_PROVIDER 'gemini' is not one of");
        assertThatThrownBy(() -> LanguageModelSettings.from(noModel, SOURCE))
                .hasMessageStartingWith(SOURCE + ": MODEL_ID is missing");
        assertThatThrownBy(() -> LanguageModelSettings.from(literalKey, SOURCE))
                .hasMessageContaining("MODEL_API_KEY is not a secret reference")
                .hasMessageNotContaining("sk-proj");
        assertThatThrownBy(() -> LanguageModelSettings.from(badUrl, SOURCE))
                .hasMessageContaining("MODEL_BASE_URL 'api.openai.com/v1' is not an http(s) URL");
        assertThatThrownBy(() -> LanguageModelSettings.from(azureWithoutVersion, SOURCE))
                .hasMessageContaining("MODEL_API_VERSION is missing");
        assertThatThrownBy(() -> LanguageModelSettings.from(deadlineTooShort, SOURCE))
                .hasMessageContaining("MODEL_DEADLINE_SECONDS 10 is shorter than MODEL_ATTEMPT_TIMEOUT_SECONDS (20)");
        assertThatThrownBy(() -> LanguageModelSettings.from(Map.of("MODEL_PROVIDER", "bedrock",
                "MODEL_ID", "anthropic.claude-3-5-haiku-20241022-v1:0", "MODEL_STRUCTURED_OUTPUT", "yes"), SOURCE))
                .hasMessageContaining("MODEL_STRUCTURED_OUTPUT 'yes' is not true or false");
    }

    @Test
    void noneMeansNoModelAndTheConfiguredServerIsReachedWithTheResolvedKey() throws Exception {
        SecretResolver secrets = new SecretResolver(Map.of("OPENAI_KEY", "sk-local-test"), () -> {
            throw new AssertionError("no SSM");
        }, () -> {
            throw new AssertionError("no Secrets Manager");
        });
        LanguageModels models = new LanguageModels(new AwsClients(Map.of()), secrets, Clock.systemUTC());
        assertThat(models.build(LanguageModelSettings.from(Map.of("MODEL_PROVIDER", "none"), SOURCE))).isEmpty();

        try (FakeOpenAi fake = FakeOpenAi.start("sk-local-test")) {
            fake.answerNext(new FakeOpenAi.Answer.Content("{\"headline\":\"ok\"}"));
            Map<String, String> environment = openAi();
            environment.put("MODEL_BASE_URL", fake.baseUrl());
            environment.put("MODEL_API_KEY", "env:OPENAI_KEY");
            LanguageModel model = models.build(LanguageModelSettings.from(environment, SOURCE)).orElseThrow();

            assertThat(model.answer(new ModelPrompt("i", "{}", "briefing", "{\"type\":\"object\"}")).text())
                    .isEqualTo("{\"headline\":\"ok\"}");
            assertThat(model.describe()).isEqualTo("openai gpt-4o-mini");
        }
    }
}

package com.alphacast.aws.llm;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.core.usecase.briefing.ModelPricing;
import com.alphacast.core.usecase.briefing.ModelRetryPolicy;
import com.alphacast.core.usecase.briefing.TokenBudget;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The morning function's model settings, read from its environment (which {@code template.yaml} fills from
 * parameters) and checked before anything runs: a missing or malformed setting stops start-up with the key
 * and where it comes from named. {@code MODEL_PROVIDER=none} is a deliberate choice (the template briefing
 * every day), not a default for a forgotten setting. The API key is a secret reference ({@code ssm:},
 * {@code secretsmanager:} or {@code env:}), never the key itself.
 *
 * @param provider       none, openai, azure-openai or bedrock
 * @param model          model id (Azure: deployment name); empty for none
 * @param baseUrl        OpenAI-compatible servers only
 * @param apiKeyReference OpenAI-compatible servers only
 * @param apiVersion     Azure only
 * @param structuredOutput Bedrock: whether the model accepts outputConfig.textFormat
 * @param retries        attempts, backoff, per-attempt timeout and deadline
 * @param budget         token budget per briefing
 * @param pricing        USD per million input and output tokens
 */
public record LanguageModelSettings(Provider provider, String model, Optional<URI> baseUrl,
                                    Optional<String> apiKeyReference, Optional<String> apiVersion,
                                    boolean structuredOutput, ModelRetryPolicy retries, TokenBudget budget,
                                    ModelPricing pricing) {

    /** Which adapter answers. */
    public enum Provider {
        NONE("none"), OPENAI("openai"), AZURE_OPENAI("azure-openai"), BEDROCK("bedrock");

        private final String key;

        Provider(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public static final String PROVIDER = "MODEL_PROVIDER";
    public static final String MODEL = "MODEL_ID";
    public static final String BASE_URL = "MODEL_BASE_URL";
    public static final String API_KEY = "MODEL_API_KEY";
    public static final String API_VERSION = "MODEL_API_VERSION";
    public static final String STRUCTURED_OUTPUT = "MODEL_STRUCTURED_OUTPUT";
    public static final String MAX_ATTEMPTS = "MODEL_MAX_ATTEMPTS";
    public static final String ATTEMPT_TIMEOUT = "MODEL_ATTEMPT_TIMEOUT_SECONDS";
    public static final String DEADLINE = "MODEL_DEADLINE_SECONDS";
    public static final String MAX_PROMPT_TOKENS = "MODEL_MAX_PROMPT_TOKENS";
    public static final String MAX_OUTPUT_TOKENS = "MODEL_MAX_OUTPUT_TOKENS";
    public static final String PRICE_INPUT = "MODEL_PRICE_INPUT_USD_PER_MTOK";
    public static final String PRICE_OUTPUT = "MODEL_PRICE_OUTPUT_USD_PER_MTOK";

    /**
     * Reads and checks the settings.
     *
     * @param environment the function's environment
     * @param source      where the values come from, for messages ("template.yaml, MorningAnalysisFunction")
     */
    public static LanguageModelSettings from(Map<String, String> environment, String source) {
        Reader reader = new Reader(environment, source);
        String providerName = reader.required(PROVIDER, "none, openai, azure-openai or bedrock");
        Provider provider = null;
        for (Provider candidate : Provider.values()) {
            if (candidate.key.equals(providerName.toLowerCase(Locale.ROOT))) {
                provider = candidate;
            }
        }
        if (provider == null) {
            throw reader.bad(PROVIDER, "'" + providerName + "' is not one of none, openai, azure-openai, bedrock");
        }
        int attempts = reader.integer(MAX_ATTEMPTS, 3, 1, 10);
        int attemptTimeout = reader.integer(ATTEMPT_TIMEOUT, 20, 1, 600);
        int deadline = reader.integer(DEADLINE, 60, 1, 900);
        if (deadline < attemptTimeout) {
            throw reader.bad(DEADLINE, deadline + " is shorter than " + ATTEMPT_TIMEOUT + " (" + attemptTimeout + ")");
        }
        ModelRetryPolicy retries = new ModelRetryPolicy(attempts, Duration.ofSeconds(1), Duration.ofSeconds(8),
                Duration.ofSeconds(attemptTimeout), Duration.ofSeconds(deadline));
        TokenBudget budget = new TokenBudget(reader.integer(MAX_PROMPT_TOKENS, 8_000, 100, 1_000_000),
                reader.integer(MAX_OUTPUT_TOKENS, 1_200, 50, 100_000));
        ModelPricing pricing = new ModelPricing(reader.price(PRICE_INPUT), reader.price(PRICE_OUTPUT));
        if (provider == Provider.NONE) {
            return new LanguageModelSettings(provider, "", Optional.empty(), Optional.empty(), Optional.empty(), false,
                    retries, budget, pricing);
        }
        String model = reader.required(MODEL, "the model id (Azure: the deployment name)");
        if (provider == Provider.BEDROCK) {
            return new LanguageModelSettings(provider, model, Optional.empty(), Optional.empty(), Optional.empty(),
                    reader.bool(STRUCTURED_OUTPUT, true), retries, budget, pricing);
        }
        String base = reader.required(BASE_URL, "e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1");
        URI baseUrl;
        try {
            baseUrl = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw reader.bad(BASE_URL, "'" + base + "' is not a URL");
        }
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            throw reader.bad(BASE_URL, "'" + base + "' is not an http(s) URL with a host");
        }
        String key = reader.required(API_KEY, "a secret reference: ssm:/name, secretsmanager:id[#key] or env:NAME");
        if (!key.startsWith("ssm:") && !key.startsWith("secretsmanager:") && !key.startsWith("env:")) {
            // Never echo it: it is probably the key itself, pasted where its reference belongs.
            throw reader.bad(API_KEY, "is not a secret reference (ssm:/name, secretsmanager:id[#key] or env:NAME);"
                    + " keys are never set directly");
        }
        Optional<String> apiVersion = Optional.empty();
        if (provider == Provider.AZURE_OPENAI) {
            apiVersion = Optional.of(reader.required(API_VERSION, "Azure OpenAI's api-version, e.g. 2024-10-21"));
        }
        return new LanguageModelSettings(provider, model, Optional.of(baseUrl), Optional.of(key), apiVersion, false,
                retries, budget, pricing);
    }

    private record Reader(Map<String, String> environment, String source) {

        ConfigException bad(String key, String problem) {
            return new ConfigException(source + ": " + key + " " + problem);
        }

        String required(String key, String expected) {
            String value = environment.get(key);
            if (value == null || value.isBlank()) {
                throw new ConfigException(source + ": " + key + " is missing (" + expected + ")");
            }
            return value.trim();
        }

        int integer(String key, int fallback, int min, int max) {
            String value = environment.get(key);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed < min || parsed > max) {
                    throw bad(key, parsed + " is outside " + min + ".." + max);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw bad(key, "'" + value + "' is not a whole number");
            }
        }

        boolean bool(String key, boolean fallback) {
            String value = environment.get(key);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw bad(key, "'" + value + "' is not true or false");
            };
        }

        BigDecimal price(String key) {
            String value = environment.get(key);
            if (value == null || value.isBlank()) {
                return BigDecimal.ZERO;
            }
            try {
                BigDecimal parsed = new BigDecimal(value.trim());
                if (parsed.signum() < 0) {
                    throw bad(key, value + " is negative");
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw bad(key, "'" + value + "' is not a number");
            }
        }
    }
}

package com.alphacast.fakes.spec;

import com.alphacast.fakes.telegram.TelegramBotApiSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The platforms' official API specs, bundled in this module's jar under {@code specs/} (sources and licences
 * in {@code specs/NOTICE}). Read from the classpath so the fakes work from any working directory, including
 * inside {@code ./alphacast demo} and {@code bots bench-fanout}. Each call parses a fresh copy.
 */
public final class ApiSpecs {

    static final String TELEGRAM = "specs/telegram/bot-api-spec.json";
    static final String DISCORD = "specs/discord/openapi.json";
    static final String X = "specs/x/openapi.json";
    static final String OPENAI = "specs/openai/openapi.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiSpecs() {
    }

    /** Telegram Bot API (methods, types, required flags). */
    public static TelegramBotApiSpec telegram() {
        return new TelegramBotApiSpec(read(TELEGRAM));
    }

    /** Discord HTTP API v10 (OpenAPI 3.1). */
    public static OpenApiSpec discord() {
        return new OpenApiSpec(read(DISCORD));
    }

    /** X API v2 (OpenAPI 3.0). */
    public static OpenApiSpec x() {
        return new OpenApiSpec(read(X));
    }

    /** OpenAI API (OpenAPI 3.1): Chat Completions, for the fake OpenAI-compatible model server. */
    public static OpenApiSpec openAi() {
        return new OpenApiSpec(read(OPENAI));
    }

    static JsonNode read(String resource) {
        try (InputStream in = ApiSpecs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("API spec '" + resource + "' is not on the classpath;"
                        + " it ships in the alphacast-platform-fakes jar (infra/platform-fakes/src/main/resources)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse API spec '" + resource + "'", e);
        }
    }
}

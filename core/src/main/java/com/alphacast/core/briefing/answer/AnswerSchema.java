package com.alphacast.core.briefing.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema of {@link BriefingAnswer}, shipped as {@code briefing-answer.schema.json} beside this class. It
 * uses only what both OpenAI's strict {@code json_schema} response format and Bedrock's structured output accept
 * (every property required, {@code additionalProperties: false}, {@code enum}); length and count limits are in the
 * descriptions and enforced by {@link AnswerValidator}, since strict mode does not accept every length keyword.
 */
public final class AnswerSchema {

    public static final String RESOURCE = "/com/alphacast/core/briefing/briefing-answer.schema.json";
    /** The schema's name for OpenAI's {@code response_format.json_schema.name}. */
    public static final String NAME = "briefing_answer";

    /** The schema document's text. */
    public String json() {
        try (InputStream in = AnswerSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the core jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}

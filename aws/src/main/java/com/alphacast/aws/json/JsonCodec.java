package com.alphacast.aws.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON for queue messages: ISO-8601 times, unknown fields rejected (a producer and consumer that
 * disagree on the shape should fail loudly, into the DLQ, not drop data silently).
 */
public final class JsonCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Decodes {@code json} as {@code type}.
     *
     * @throws MalformedMessageException naming the type and what was wrong (bad JSON, missing or unknown
     *                                   field, or a value the type's own validation refused)
     */
    public <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new MalformedMessageException("empty body where a " + type.getSimpleName() + " was expected", null);
        }
        try {
            return mapper.readValue(json, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new MalformedMessageException("invalid " + type.getSimpleName() + ": " + cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("malformed " + type.getSimpleName() + " JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}

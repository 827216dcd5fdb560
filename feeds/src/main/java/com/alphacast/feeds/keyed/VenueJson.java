package com.alphacast.feeds.keyed;

import com.alphacast.core.feed.InputFormatException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.net.URI;

/**
 * The JSON reading every {@link StreamProtocol} does the same way with Jackson's streaming parser: a frame that is an
 * array of message objects, a REST body whose one field holds the answer, and field values checked for their JSON
 * type. Every fault is an {@link InputFormatException} naming the input, the frame number and the column, so a bad
 * frame is counted with its position instead of lost. The venue reads the fields of each message itself.
 */
public final class VenueJson {

    /** Reads one JSON object the parser has just opened, up to and including its end. */
    @FunctionalInterface
    public interface ObjectReader {
        void read(JsonParser p) throws IOException;
    }

    private final JsonFactory json = new JsonFactory();
    private final String frameInput;

    /** @param frameInput how errors name a frame, e.g. {@code alpaca frame} */
    public VenueJson(String frameInput) {
        this.frameInput = frameInput;
    }

    /**
     * Decodes a frame that must be a JSON array of objects, handing each object to {@code message} as it is reached
     * (so the messages before a fault are delivered).
     *
     * @param noun what the venue calls one object ({@code message}, {@code event}), for error messages
     */
    public void decodeArray(String frame, long position, String noun, ObjectReader message) {
        try (JsonParser p = json.createParser(frame)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw error(position, p, "expected a JSON array of " + noun + "s");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                message.read(p);
            }
            if (t != JsonToken.END_ARRAY || p.nextToken() != null) {
                throw error(position, p, "expected a JSON array of " + noun + " objects");
            }
        } catch (JsonProcessingException e) {
            throw new InputFormatException(frameInput, position,
                    e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr()),
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputFormatException(frameInput, position, 1, "unreadable JSON: " + e.getMessage());
        }
    }

    /**
     * Decodes a REST body that must be a JSON object whose {@code field} is an object, handed to {@code answer};
     * every other field is passed over.
     *
     * @param bodyInput how errors in the JSON itself name the body, e.g. {@code alpaca latest quotes}
     * @param answer    what the venue calls the answer ({@code latest quotes}), for the error when the field is absent
     */
    public void decodeObjectField(String body, String bodyInput, String field, String answer, ObjectReader reader) {
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(0, p, "expected a JSON object with '" + field + "'");
            }
            boolean found = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals(field) && v == JsonToken.START_OBJECT) {
                    found = true;
                    reader.read(p);
                } else {
                    p.skipChildren();
                }
            }
            require(found, 0, p, answer + " without '" + field + "'");
        } catch (JsonProcessingException e) {
            throw new InputFormatException(bodyInput, 0, 1, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputFormatException(bodyInput, 0, 1, "unreadable JSON: " + e.getMessage());
        }
    }

    /** The current value, which must be a JSON string. */
    public String text(JsonParser p, String name, long position) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw error(position, p, "'" + name + "' must be a string, was " + p.currentToken());
        }
        return p.getText();
    }

    /** The current value, which must be a JSON integer. */
    public long integer(JsonParser p, String name, long position) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw error(position, p, "'" + name + "' must be an integer, was " + p.currentToken());
        }
        return p.getLongValue();
    }

    /** The current value, which must be a JSON number (integer or not). */
    public double number(JsonParser p, String name, long position) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error(position, p, "'" + name + "' must be a number, was " + t);
        }
        return p.getDoubleValue();
    }

    public void require(boolean ok, long position, JsonParser p, String problem) {
        if (!ok) {
            throw error(position, p, problem);
        }
    }

    /** A fault at the parser's current token. */
    public InputFormatException error(long position, JsonParser p, String problem) {
        return new InputFormatException(frameInput, position, Math.max(1, p.currentTokenLocation().getColumnNr()),
                problem);
    }

    /** {@code s} escaped for use inside a JSON string literal. */
    public static String quoted(String s) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(s));
    }

    /** The REST base without a trailing slash, so a path can be appended to it. */
    public static String withoutTrailingSlash(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}

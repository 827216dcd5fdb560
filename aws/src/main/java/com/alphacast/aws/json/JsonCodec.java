package com.alphacast.aws.json;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.market.Bar;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;

/**
 * JSON for the three queue message types, {@link Signal}, {@link TierDispatch} and {@link Bar}: fields in
 * record order, times as ISO-8601 strings, unknown or missing fields and {@code null} numbers rejected (a
 * producer and consumer that disagree on the shape should fail loudly, into the DLQ, not drop data silently).
 *
 * <p>Written by hand on Jackson's streaming parser instead of an {@code ObjectMapper} with the JSR-310 module:
 * databind's introspection loads about 670 classes and was the largest single cost in a function's cold start
 * after the AWS SDK. The wire format is the one the mapper produced (same field names, order and value
 * formats), so messages already in a queue still decode.
 */
public final class JsonCodec {

    private final JsonFactory factory = new JsonFactory();

    public String write(Object value) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = factory.createGenerator(out)) {
            if (value instanceof Signal signal) {
                writeSignal(json, signal);
            } else if (value instanceof TierDispatch dispatch) {
                json.writeStartObject();
                json.writeFieldName("signal");
                writeSignal(json, dispatch.signal());
                json.writeStringField("tier", dispatch.tier().name());
                json.writeStringField("approvedAt", dispatch.approvedAt().toString());
                json.writeEndObject();
            } else if (value instanceof Bar bar) {
                writeBar(json, bar);
            } else {
                throw new IllegalArgumentException("no queue message JSON for "
                        + (value == null ? "null" : value.getClass().getName())
                        + "; a queue carries Signal, TierDispatch or Bar");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
        return out.toString();
    }

    /**
     * Decodes {@code json} as {@code type} ({@link Signal}, {@link TierDispatch} or {@link Bar}).
     *
     * @throws MalformedMessageException naming the type and what was wrong (bad JSON, missing or unknown
     *                                   field, or a value the type's own validation refused)
     */
    public <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new MalformedMessageException("empty body where a " + type.getSimpleName() + " was expected", null);
        }
        if (type != Signal.class && type != TierDispatch.class && type != Bar.class) {
            throw new IllegalArgumentException("no queue message JSON for " + type.getName()
                    + "; a queue carries Signal, TierDispatch or Bar");
        }
        try (JsonParser parser = factory.createParser(json)) {
            Object value = type == Signal.class ? readSignal(parser, parser.nextToken())
                    : type == TierDispatch.class ? readTierDispatch(parser) : readBar(parser);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new FieldException("unexpected " + trailing + " after the " + type.getSimpleName(), parser);
            }
            return type.cast(value);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("malformed " + type.getSimpleName() + " JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (FieldException e) {
            throw new MalformedMessageException("malformed " + type.getSimpleName() + " JSON: " + e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
            throw new MalformedMessageException("invalid " + type.getSimpleName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a " + type.getSimpleName() + " from a string", e);
        }
    }

    private static void writeSignal(JsonGenerator json, Signal s) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", s.id());
        json.writeStringField("strategy", s.strategy());
        json.writeStringField("underlying", s.underlying());
        json.writeStringField("instrument", s.instrument());
        json.writeStringField("direction", s.direction().name());
        json.writeNumberField("entry", s.entry());
        json.writeNumberField("stop", s.stop());
        json.writeNumberField("target", s.target());
        json.writeNumberField("quantity", s.quantity());
        json.writeNumberField("confidence", s.confidence());
        json.writeStringField("rationale", s.rationale());
        json.writeStringField("marketTime", s.marketTime().toString());
        json.writeStringField("observedAt", s.observedAt().toString());
        json.writeEndObject();
    }

    private static void writeBar(JsonGenerator json, Bar b) throws IOException {
        json.writeStartObject();
        json.writeStringField("symbol", b.symbol());
        json.writeNumberField("startMillis", b.startMillis());
        json.writeNumberField("endMillis", b.endMillis());
        json.writeNumberField("open", b.open());
        json.writeNumberField("high", b.high());
        json.writeNumberField("low", b.low());
        json.writeNumberField("close", b.close());
        json.writeNumberField("volume", b.volume());
        json.writeNumberField("trades", b.trades());
        json.writeEndObject();
    }

    private static Signal readSignal(JsonParser p, JsonToken start) throws IOException {
        Fields f = new Fields(p, start, "id", "strategy", "underlying", "instrument", "direction", "entry", "stop",
                "target", "quantity", "confidence", "rationale", "marketTime", "observedAt");
        while (f.next()) {
            // Values are read by position in the field list above, as the record declares them.
            f.store(switch (f.index()) {
                case 0, 1, 2, 3, 4, 10, 11, 12 -> f.text();
                                case 5, 6, 7, 9 -> f.decimal();
                case 8 -> f.whole();
                default -> f.text();
            });
        }
        f.requireAll();
        return new Signal(f.string(0), f.string(1), f.string(2), f.string(3),
                f.constant(4, Direction.class), f.number(5), f.number(6), f.number(7),
                f.intValue(8), f.number(9), f.string(10), f.instant(11), f.instant(12));
    }

    private static TierDispatch readTierDispatch(JsonParser p) throws IOException {
        Fields f = new Fields(p, p.nextToken(), "signal", "tier", "approvedAt");
        while (f.next()) {
            if (f.index() == 0) {
                JsonToken token = p.nextToken();
                f.store(token == JsonToken.VALUE_NULL ? null : readSignal(p, token));
            } else {
                f.store(f.text());
            }
        }
        f.requireAll();
        return new TierDispatch((Signal) f.value(0), f.constant(1, Tier.class),
                f.instant(2));
    }

    private static Bar readBar(JsonParser p) throws IOException {
        Fields f = new Fields(p, p.nextToken(), "symbol", "startMillis", "endMillis", "open", "high", "low", "close",
                "volume", "trades");
        while (f.next()) {
            f.store(switch (f.index()) {
                case 0 -> f.text();
                case 1, 2, 7, 8 -> f.whole();
                default -> f.decimal();
            });
        }
        f.requireAll();
        return new Bar(f.string(0), f.longValue(1), f.longValue(2), f.number(3), f.number(4), f.number(5),
                f.number(6), f.longValue(7), f.intValue(8));
    }

    /** A problem with a field, named with where it is in the body. */
    private static final class FieldException extends RuntimeException {
        FieldException(String message, JsonParser parser) {
            super(message + " at line " + parser.currentLocation().getLineNr() + ", column "
                    + parser.currentLocation().getColumnNr());
        }
    }

    /** One JSON object's fields, read in any order, each stored at its index in the expected names. */
    private static final class Fields {
        private final JsonParser parser;
        private final String[] names;
        private final Object[] values;
        private final boolean[] seen;
        private int index = -1;

        Fields(JsonParser parser, JsonToken start, String... names) {
            if (start != JsonToken.START_OBJECT) {
                throw new FieldException("expected an object, found " + start, parser);
            }
            this.parser = parser;
            this.names = names;
            this.values = new Object[names.length];
            this.seen = new boolean[names.length];
        }

        /** Moves to the next field; false at the end of the object. Unknown fields are refused, named. */
        boolean next() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_OBJECT) {
                return false;
            }
            String name = parser.currentName();
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    index = i;
                    return true;
                }
            }
            throw new FieldException("unknown field \"" + name + "\" (expected " + String.join(", ", names) + ")",
                    parser);
        }

        int index() {
            return index;
        }

        void store(Object value) {
            values[index] = value;
            seen[index] = true;
        }

        void requireAll() {
            for (int i = 0; i < names.length; i++) {
                if (!seen[i]) {
                    throw new FieldException("missing field \"" + names[i] + "\"", parser);
                }
            }
        }

        String text() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.VALUE_STRING) {
                throw new FieldException("field \"" + names[index] + "\" must be a string, found " + token, parser);
            }
            return parser.getText();
        }

        /** A constant of {@code type} by its exact name, as the mapper wrote and read enums. */
        <E extends Enum<E>> E constant(int i, Class<E> type) {
            String name = string(i);
            if (name == null) {
                return null;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            throw new FieldException("field \"" + names[i] + "\" must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", was '" + name + "'", parser);
        }

        Double decimal() throws IOException {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
                throw new FieldException("field \"" + names[index] + "\" must be a number, found " + token, parser);
            }
            return parser.getDoubleValue();
        }

        Long whole() throws IOException {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw new FieldException("field \"" + names[index] + "\" must be a whole number, found " + token,
                        parser);
            }
            return parser.getLongValue();
        }

        Object value(int i) {
            return values[i];
        }

        String string(int i) {
            return (String) values[i];
        }

        double number(int i) {
            return (Double) values[i];
        }

        long longValue(int i) {
            return (Long) values[i];
        }

        int intValue(int i) {
            long value = (Long) values[i];
            if (value != (int) value) {
                throw new FieldException("field \"" + names[i] + "\" is out of range: " + value, parser);
            }
            return (int) value;
        }

        /** An ISO-8601 instant ({@code 2011-07-31T22:10:00Z}), the form the mapper wrote. */
        Instant instant(int i) {
            String text = string(i);
            if (text == null) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeException notIso) {
                throw new FieldException("field \"" + names[i] + "\" is not an ISO-8601 instant: '" + text + "'",
                        parser);
            }
        }
    }
}

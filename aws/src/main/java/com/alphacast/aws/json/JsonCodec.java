package com.alphacast.aws.json;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.market.Bar;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.publication.TradeExit;
import com.alphacast.core.usecase.trading.CloseRequest;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.OptionLeg;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * JSON for the queue message types, {@link Signal}, {@link TierRelease}, {@link Bar} and {@link CloseRequest}
 * (an operator's close of one position: {@code {"signalId", "requestedBy", "requestedAt"}}): fields in
 * record order, times as ISO-8601 strings, unknown or missing fields and {@code null} numbers rejected (a
 * producer and consumer that disagree on the shape should fail loudly, into the DLQ, not drop data silently).
 *
 * <p>A tier release is {@code {"publication": {"<kind>": {...}}, "tier": "BASIC", "releasedAt": "..."}}: the
 * publication is an object with one field, named by its kind ({@link Publication#kind()}), whose value holds the
 * kind's own fields, so a reader knows the shape before it reads them.
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
            } else if (value instanceof TierRelease release) {
                json.writeStartObject();
                json.writeFieldName("publication");
                writePublication(json, release.publication());
                json.writeStringField("tier", release.tier().name());
                json.writeStringField("releasedAt", release.releasedAt().toString());
                json.writeEndObject();
            } else if (value instanceof Bar bar) {
                writeBar(json, bar);
            } else if (value instanceof CloseRequest request) {
                json.writeStartObject();
                json.writeStringField("signalId", request.signalId());
                json.writeStringField("requestedBy", request.requestedBy());
                json.writeStringField("requestedAt", request.requestedAt().toString());
                json.writeEndObject();
            } else {
                throw new IllegalArgumentException("no queue message JSON for "
                        + (value == null ? "null" : value.getClass().getName())
                        + "; a queue carries Signal, TierRelease, Bar or CloseRequest");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
        return out.toString();
    }

    /**
     * Decodes {@code json} as {@code type} ({@link Signal}, {@link TierRelease} or {@link Bar}).
     *
     * @throws MalformedMessageException naming the type and what was wrong (bad JSON, missing or unknown
     *                                   field, or a value the type's own validation refused)
     */
    public <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new MalformedMessageException("empty body where a " + type.getSimpleName() + " was expected", null);
        }
        if (type != Signal.class && type != TierRelease.class && type != Bar.class && type != CloseRequest.class) {
            throw new IllegalArgumentException("no queue message JSON for " + type.getName()
                    + "; a queue carries Signal, TierRelease, Bar or CloseRequest");
        }
        try (JsonParser parser = factory.createParser(json)) {
            Object value = type == Signal.class ? readSignal(parser, parser.nextToken())
                    : type == TierRelease.class ? readTierRelease(parser)
                    : type == CloseRequest.class ? readCloseRequest(parser) : readBar(parser);
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
        if (s.option().isPresent()) {
            OptionLeg leg = s.option().get();
            json.writeObjectFieldStart("option");
            json.writeStringField("contract", leg.contract().compact());
            json.writeNumberField("entry", leg.entry());
            json.writeNumberField("stop", leg.stop());
            json.writeNumberField("target", leg.target());
            json.writeEndObject();
        }
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
                "target", "quantity", "confidence", "rationale", "marketTime", "observedAt", "option");
        while (f.next()) {
            // Values are read by position in the field list above, as the record declares them.
            f.store(switch (f.index()) {
                case 0, 1, 2, 3, 4, 10, 11, 12 -> f.text();
                case 5, 6, 7, 9 -> f.decimal();
                case 8 -> f.whole();
                case 13 -> readOptionLeg(p, p.nextToken());
                default -> f.text();
            });
        }
        f.requireAllBut(13); // a signal on the instrument itself has no option leg
        return new Signal(f.string(0), f.string(1), f.string(2), f.string(3),
                f.constant(4, Direction.class), f.number(5), f.number(6), f.number(7),
                f.intValue(8), f.number(9), f.string(10), f.instant(11), f.instant(12),
                Optional.ofNullable((OptionLeg) f.value(13)));
    }

    private static OptionLeg readOptionLeg(JsonParser p, JsonToken start) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        Fields f = new Fields(p, start, "contract", "entry", "stop", "target");
        while (f.next()) {
            f.store(f.index() == 0 ? f.text() : f.decimal());
        }
        f.requireAll();
        return new OptionLeg(OccSymbol.parse(f.string(0)), f.number(1), f.number(2), f.number(3));
    }

    private static TierRelease readTierRelease(JsonParser p) throws IOException {
        Fields f = new Fields(p, p.nextToken(), "publication", "tier", "releasedAt");
        while (f.next()) {
            if (f.index() == 0) {
                JsonToken token = p.nextToken();
                f.store(token == JsonToken.VALUE_NULL ? null : readPublication(p, token));
            } else {
                f.store(f.text());
            }
        }
        f.requireAll();
        return new TierRelease((Publication) f.value(0), f.constant(1, Tier.class), f.instant(2));
    }

    private static void writePublication(JsonGenerator json, Publication publication) throws IOException {
        json.writeStartObject();
        json.writeFieldName(publication.kind());
        if (publication instanceof Publication.NewSignal newSignal) {
            writeSignal(json, newSignal.signal());
        } else if (publication instanceof Publication.Filled filled) {
            Fill fill = filled.fill();
            json.writeStartObject();
            json.writeStringField("orderId", fill.orderId());
            json.writeStringField("signalId", fill.signalId());
            json.writeStringField("instrument", fill.instrument());
            json.writeStringField("side", fill.side().name());
            json.writeNumberField("quantity", fill.quantity());
            json.writeNumberField("price", fill.price());
            json.writeStringField("time", fill.time().toString());
            json.writeStringField("underlying", filled.underlying());
            json.writeEndObject();
        } else if (publication instanceof Publication.TargetHit hit) {
            writeExit(json, hit.exit());
        } else if (publication instanceof Publication.StopHit hit) {
            writeExit(json, hit.exit());
        } else if (publication instanceof Publication.Closed closed) {
            writeExit(json, closed.exit());
        } else if (publication instanceof Publication.StopMoved moved) {
            json.writeStartObject();
            json.writeStringField("signalId", moved.signalId());
            json.writeStringField("underlying", moved.underlying());
            json.writeStringField("instrument", moved.instrument());
            json.writeStringField("direction", moved.direction().name());
            json.writeNumberField("previousStop", moved.previousStop());
            json.writeNumberField("newStop", moved.newStop());
            json.writeStringField("at", moved.at().toString());
            json.writeEndObject();
        } else if (publication instanceof Publication.DailyRecap recap) {
            json.writeStartObject();
            json.writeStringField("session", recap.session().toString());
            json.writeNumberField("trades", recap.trades());
            json.writeNumberField("wins", recap.wins());
            json.writeNumberField("netPoints", recap.netPoints());
            json.writeNumberField("netPnl", recap.netPnl());
            json.writeNumberField("bestPoints", recap.bestPoints());
            json.writeNumberField("worstPoints", recap.worstPoints());
            json.writeStringField("at", recap.at().toString());
            json.writeEndObject();
        } else {
            Publication.MorningBriefing briefing = (Publication.MorningBriefing) publication;
            json.writeStartObject();
            json.writeStringField("id", briefing.id());
            json.writeStringField("session", briefing.session().toString());
            json.writeStringField("at", briefing.at().toString());
            json.writeStringField("headline", briefing.headline());
            json.writeObjectFieldStart("textByTier");
            for (Map.Entry<Tier, String> text : briefing.textByTier().entrySet()) {
                json.writeStringField(text.getKey().name(), text.getValue());
            }
            json.writeEndObject();
            json.writeBooleanField("hasChart", briefing.hasChart());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeExit(JsonGenerator json, TradeExit exit) throws IOException {
        json.writeStartObject();
        json.writeStringField("signalId", exit.signalId());
        json.writeStringField("underlying", exit.underlying());
        json.writeStringField("instrument", exit.instrument());
        json.writeStringField("direction", exit.direction().name());
        json.writeNumberField("quantity", exit.quantity());
        json.writeNumberField("entryPrice", exit.entryPrice());
        json.writeNumberField("exitPrice", exit.exitPrice());
        json.writeStringField("reason", exit.reason().name());
        json.writeStringField("openedAt", exit.openedAt().toString());
        json.writeStringField("closedAt", exit.closedAt().toString());
        json.writeNumberField("realizedPnl", exit.realizedPnl());
        json.writeEndObject();
    }

    /** {@code {"<kind>": {...}}}: exactly one field, whose name says which publication follows. */
    private static Publication readPublication(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            throw new FieldException("field \"publication\" must be an object, found " + start, p);
        }
        if (p.nextToken() != JsonToken.FIELD_NAME) {
            throw new FieldException("publication names no kind", p);
        }
        String kind = p.currentName();
        JsonToken body = p.nextToken();
        Publication publication = switch (kind) {
            case "signal" -> new Publication.NewSignal(readSignal(p, body));
            case "filled" -> readFilled(p, body);
            case "target-hit" -> new Publication.TargetHit(readExit(p, body));
            case "stop-hit" -> new Publication.StopHit(readExit(p, body));
            case "closed" -> new Publication.Closed(readExit(p, body));
            case "stop-moved" -> readStopMoved(p, body);
            case "daily-recap" -> readRecap(p, body);
            case "morning-briefing" -> readBriefing(p, body);
            default -> throw new FieldException("unknown publication kind \"" + kind + "\" (expected signal, filled,"
                    + " target-hit, stop-hit, closed, stop-moved, daily-recap or morning-briefing)", p);
        };
        JsonToken end = p.nextToken();
        if (end != JsonToken.END_OBJECT) {
            throw new FieldException("a publication has one kind, found more after \"" + kind + "\"", p);
        }
        return publication;
    }

    private static Publication.Filled readFilled(JsonParser p, JsonToken start) throws IOException {
        Fields f = new Fields(p, start, "orderId", "signalId", "instrument", "side", "quantity", "price", "time",
                "underlying");
        while (f.next()) {
            f.store(switch (f.index()) {
                case 4 -> f.whole();
                case 5 -> f.decimal();
                default -> f.text();
            });
        }
        f.requireAll();
        return new Publication.Filled(new Fill(f.string(0), f.string(1), f.string(2), f.constant(3, Direction.class),
                f.intValue(4), f.number(5), f.instant(6)), f.string(7));
    }

    private static TradeExit readExit(JsonParser p, JsonToken start) throws IOException {
        Fields f = new Fields(p, start, "signalId", "underlying", "instrument", "direction", "quantity", "entryPrice",
                "exitPrice", "reason", "openedAt", "closedAt", "realizedPnl");
        while (f.next()) {
            f.store(switch (f.index()) {
                case 4 -> f.whole();
                case 5, 6, 10 -> f.decimal();
                default -> f.text();
            });
        }
        f.requireAll();
        return new TradeExit(f.string(0), f.string(1), f.string(2), f.constant(3, Direction.class), f.intValue(4),
                f.number(5), f.number(6), f.constant(7, TradeExit.ExitReason.class), f.instant(8), f.instant(9),
                f.number(10));
    }

    private static Publication.StopMoved readStopMoved(JsonParser p, JsonToken start) throws IOException {
        Fields f = new Fields(p, start, "signalId", "underlying", "instrument", "direction", "previousStop", "newStop",
                "at");
        while (f.next()) {
            f.store(f.index() == 4 || f.index() == 5 ? f.decimal() : f.text());
        }
        f.requireAll();
        return new Publication.StopMoved(f.string(0), f.string(1), f.string(2), f.constant(3, Direction.class),
                f.number(4), f.number(5), f.instant(6));
    }

    private static Publication.DailyRecap readRecap(JsonParser p, JsonToken start) throws IOException {
        Fields f = new Fields(p, start, "session", "trades", "wins", "netPoints", "netPnl", "bestPoints",
                "worstPoints", "at");
        while (f.next()) {
            f.store(switch (f.index()) {
                case 0, 7 -> f.text();
                case 1, 2 -> f.whole();
                default -> f.decimal();
            });
        }
        f.requireAll();
        return new Publication.DailyRecap(f.date(0), f.intValue(1), f.intValue(2), f.number(3), f.number(4),
                f.number(5), f.number(6), f.instant(7));
    }

    private static Publication.MorningBriefing readBriefing(JsonParser p, JsonToken start) throws IOException {
        Fields f = new Fields(p, start, "id", "session", "at", "headline", "textByTier", "hasChart");
        while (f.next()) {
            f.store(switch (f.index()) {
                case 4 -> readTextByTier(p);
                case 5 -> f.bool();
                default -> f.text();
            });
        }
        f.requireAll();
        @SuppressWarnings("unchecked")
        Map<Tier, String> textByTier = (Map<Tier, String>) f.value(4);
        return new Publication.MorningBriefing(f.string(0), f.date(1), f.instant(2), f.string(3), textByTier,
                (Boolean) f.value(5));
    }

    private static Map<Tier, String> readTextByTier(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new FieldException("field \"textByTier\" must be an object of tier → text", p);
        }
        Map<Tier, String> texts = new EnumMap<>(Tier.class);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            Tier tier = Arrays.stream(Tier.values()).filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> new FieldException("textByTier names no tier \"" + name + "\" (expected "
                            + Arrays.toString(Tier.values()) + ")", p));
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw new FieldException("the text of tier " + name + " must be a string", p);
            }
            texts.put(tier, p.getText());
        }
        return texts;
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

    private static CloseRequest readCloseRequest(JsonParser p) throws IOException {
        Fields f = new Fields(p, p.nextToken(), "signalId", "requestedBy", "requestedAt");
        while (f.next()) {
            f.store(f.text());
        }
        f.requireAll();
        return new CloseRequest(f.string(0), f.string(1), f.instant(2));
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
            requireAllBut(-1);
        }

        /** Every field but the optional one at {@code optional}. */
        void requireAllBut(int optional) {
            for (int i = 0; i < names.length; i++) {
                if (!seen[i] && i != optional) {
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

        Boolean bool() throws IOException {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                throw new FieldException("field \"" + names[index] + "\" must be true or false, found " + token, parser);
            }
            return token == JsonToken.VALUE_TRUE;
        }

        /** An ISO-8601 date ({@code 2026-11-27}). */
        LocalDate date(int i) {
            String text = string(i);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException notIso) {
                throw new FieldException("field \"" + names[i] + "\" is not an ISO-8601 date: '" + text + "'", parser);
            }
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

package com.alphacast.core.briefing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The fact sheet as the JSON a model is shown (and {@code alphacast morning --format json} prints). Values are the
 * display strings, never the raw doubles: the model can only cite what it sees, and the validator compares at
 * display precision, so showing "668.50" rather than 668.4987 is what makes a correct answer possible.
 * <pre>{"instrument": "SPY", "session_date": "2026-11-27",
 *  "facts": [{"id": "gex.zero_gamma", "label": "Zero gamma", "value": "668.50", "unit": "price"}, ...],
 *  "absent": [{"id": "vpin.last", "reason": "..."}]}</pre>
 * Units: {@code price, points, percent, ratio, count, usd_bn_per_1pct, usd_bn, volume} for numbers, {@code text}
 * for notes, {@code time_et} / {@code time_ct} / {@code time:<zone>} for times of day.
 */
public final class FactSheetJson {

    private final JsonFactory json = new JsonFactory();

    public String write(FactSheet sheet) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("instrument", sheet.instrument());
            g.writeStringField("session_date", sheet.sessionDate().toString());
            g.writeArrayFieldStart("facts");
            for (Fact fact : sheet.facts()) {
                g.writeStartObject();
                g.writeStringField("id", fact.id());
                g.writeStringField("label", fact.label());
                g.writeStringField("value", fact.display());
                g.writeStringField("unit", unit(fact));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("absent");
            for (AbsentFact absent : sheet.absent()) {
                g.writeStartObject();
                g.writeStringField("id", absent.id());
                g.writeStringField("reason", absent.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fact sheet as JSON", e);
        }
        return out.toString();
    }

    private static String unit(Fact fact) {
        if (fact instanceof Fact.Quantity q) {
            return q.unit().name().toLowerCase(Locale.ROOT);
        }
        if (fact instanceof Fact.ClockTime t) {
            String zone = t.zone().getId();
            return zone.equals("America/New_York") ? "time_et" : zone.equals("America/Chicago") ? "time_ct" : "time:" + zone;
        }
        return "text";
    }
}

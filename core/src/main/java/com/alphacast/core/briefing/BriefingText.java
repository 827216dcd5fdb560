package com.alphacast.core.briefing;

import com.alphacast.core.distribution.Tier;
import java.util.Objects;

/**
 * A briefing as one tier reads it, in plain text (platform renderers escape and format it, never add facts).
 *
 * @param tier   the tier it was written for
 * @param source whether the model's validated answer or the template wrote it
 * @param title  one line
 * @param body   the rest, sections separated by blank lines
 */
public record BriefingText(Tier tier, Source source, String title, String body) {

    public enum Source {
        /** A model's answer that passed validation. */
        MODEL,
        /** The deterministic template (no model, or the model's answer failed twice). */
        TEMPLATE
    }

    public BriefingText {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }

    /** Title and body as one message. */
    public String text() {
        return body.isEmpty() ? title : title + "\n\n" + body;
    }
}

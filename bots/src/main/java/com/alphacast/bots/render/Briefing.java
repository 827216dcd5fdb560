package com.alphacast.bots.render;

import com.alphacast.core.distribution.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral message: what one tier may see of one announcement. Platform renderers only
 * decide how it looks, never what it reveals, so a tier can never leak detail through a renderer.
 *
 * @param tier      the tier this briefing was composed for
 * @param tone      side or outcome, for colours and emoji
 * @param headline  one-line summary, plain text
 * @param facts     labelled values in display order
 * @param narrative free text (a strategy's rationale), plain text; empty when none
 * @param footer    small print (strategy name, tier), plain text; empty when none
 * @param callToAction invitation to upgrade (teasers), plain text; empty when none
 * @param at        the market time the message is about
 */
public record Briefing(Tier tier, Tone tone, String headline, List<Fact> facts, String narrative, String footer,
                       String callToAction, Instant at) {

    public Briefing {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(at, "at");
        facts = List.copyOf(facts);
        narrative = narrative == null ? "" : narrative;
        footer = footer == null ? "" : footer;
        callToAction = callToAction == null ? "" : callToAction;
    }
}

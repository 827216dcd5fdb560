package com.alphacast.core.usecase.briefing;

import com.alphacast.core.briefing.BriefingText;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.Publication;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one briefing of a trading day, as kept in the briefings ledger (BriefingsTable in AWS).
 *
 * @param session    the trading day (the ledger's key: one briefing per day)
 * @param at         when it was written
 * @param headline   its headline
 * @param textByTier the published text of each tier
 * @param source     the model's validated answer or the template
 * @param verdict    the validation verdicts (or why no model answered), for operators
 * @param usage      model, tokens, latency and cost of the answers asked for; empty when no model was asked
 * @param chart      the chart PNG; empty when there was nothing to draw
 * @param factsJson  the fact sheet it was written from ({@code FactSheetJson}), so operators and
 *                   {@code ./alphacast morning} can show every fact and absence next to the text
 * @param answers    the model's raw answers, in order (empty without a model), for the same audit
 * @param published  whether its releases were handed to the distribution queue (a retry finishes an unpublished one)
 */
public record BriefingRecord(LocalDate session, Instant at, String headline, Map<Tier, String> textByTier,
                             BriefingText.Source source, String verdict, Optional<ModelUsage> usage,
                             Optional<byte[]> chart, String factsJson, List<String> answers, boolean published) {

    public BriefingRecord {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(factsJson, "factsJson");
        answers = List.copyOf(answers);
        textByTier = Collections.unmodifiableMap(new EnumMap<>(textByTier));
    }

    public String publicationId() {
        return Publication.MorningBriefing.idOf(session);
    }

    /** The publication the distribution function renders per tier and platform. */
    public Publication.MorningBriefing publication() {
        return new Publication.MorningBriefing(publicationId(), session, at, headline, textByTier, chart.isPresent());
    }

    public BriefingRecord markedPublished() {
        return new BriefingRecord(session, at, headline, textByTier, source, verdict, usage, chart, factsJson, answers,
                true);
    }
}

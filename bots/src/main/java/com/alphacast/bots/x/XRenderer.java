package com.alphacast.bots.x;

import com.alphacast.bots.render.Attachment;
import com.alphacast.bots.render.Briefing;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.bots.render.ChannelRenderer;
import com.alphacast.bots.render.Fact;
import com.alphacast.bots.render.PlatformRequest;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.ChartArchive;
import com.alphacast.core.publication.Publication;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders briefings as X posts of at most 280 (weighted) characters. An X account is public, so a premium
 * delivery is rendered with basic detail at most: exact contract, entry, stop, target, size and rationale
 * never reach X whatever the delivery's tier. A morning briefing with a chart is a post with the chart as its image:
 * the request carries the PNG as its {@code media} attachment and names it in {@code media.media_ids} by the
 * placeholder {@value #MEDIA_ID_PLACEHOLDER}, which the sender replaces with the id X gives the upload.
 */
public final class XRenderer implements ChannelRenderer {

    public static final String CREATE_POST_PATH = "/2/tweets";
    /** Stands for the media id of the request's attachment until the sender has uploaded it. */
    public static final String MEDIA_ID_PLACEHOLDER = "{media_id}";
    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    private final BriefingComposer composer;
    private final Optional<String> link;
    private final ChartArchive charts;

    /** @param link where readers can subscribe (counts 23 characters); none: no link */
    public XRenderer(BriefingComposer composer, Optional<String> link) {
        this(composer, link, publicationId -> Optional.empty());
    }

    /** @param charts where briefing charts are read; a briefing whose chart is not there is posted as text only */
    public XRenderer(BriefingComposer composer, Optional<String> link, ChartArchive charts) {
        this.composer = Objects.requireNonNull(composer, "composer");
        this.link = Objects.requireNonNull(link, "link");
        this.charts = Objects.requireNonNull(charts, "charts");
        link.ifPresent(url -> {
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw new IllegalArgumentException("X link must be an http(s) URL, was '" + url + "'");
            }
        });
    }

    public static XRenderer standard() {
        return new XRenderer(BriefingComposer.standard(), Optional.empty());
    }

    @Override
    public Channel channel() {
        return Channel.X;
    }

    /** The tier an X post is composed at: never more than basic. */
    public static Tier publicTier(Tier tier) {
        return tier == Tier.PREMIUM ? Tier.BASIC : tier;
    }

    /** An update is posted as a reply to the post its signal became ({@code reply.in_reply_to_tweet_id}). */
    @Override
    public List<PlatformRequest> requestsFor(Publication publication, Tier tier, String destination,
                                             Optional<String> inReplyTo) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("text", text(composer.compose(publication, publicTier(tier))));
        ChannelRenderer.messageId(inReplyTo)
                .ifPresent(id -> body.putObject("reply").put("in_reply_to_tweet_id", id));
        Optional<byte[]> chart = publication instanceof Publication.MorningBriefing briefing && briefing.hasChart()
                ? charts.chart(briefing.id()) : Optional.empty();
        if (chart.isPresent()) {
            body.putObject("media").putArray("media_ids").add(MEDIA_ID_PLACEHOLDER);
            return List.of(new PlatformRequest("POST", CREATE_POST_PATH, body,
                    Optional.of(Attachment.png("media", "chart.png", chart.get()))));
        }
        return List.of(new PlatformRequest("POST", CREATE_POST_PATH, body));
    }

    public String text(Briefing briefing) {
        if (briefing.tier() == Tier.PREMIUM) {
            throw new IllegalArgumentException("premium briefings are never posted on X");
        }
        String tail = link.map(url -> "Details for members: " + url).orElse("");
        List<String> facts = new ArrayList<>();
        for (Fact fact : briefing.facts()) {
            facts.add(fact.label() + ": " + fact.value());
        }
        String headline = briefing.tone().emoji() + " " + briefing.headline();
        // The time makes every post unique: X refuses a post whose text repeats an earlier one.
        String stamp = STAMP.format(briefing.at());
        // Drop facts from the end until the post fits, then shorten the headline as a last resort.
        while (true) {
            String text = join(headline, facts, stamp, tail);
            if (TweetLength.fits(text)) {
                return text;
            }
            if (!facts.isEmpty()) {
                facts.remove(facts.size() - 1);
            } else {
                int over = TweetLength.of(text) - TweetLength.LIMIT;
                headline = shorten(headline, over);
            }
        }
    }

    private static String join(String headline, List<String> facts, String stamp, String tail) {
        StringBuilder text = new StringBuilder(headline);
        for (String fact : facts) {
            text.append('\n').append(fact);
        }
        text.append('\n').append(stamp);
        if (!tail.isEmpty()) {
            text.append("\n\n").append(tail);
        }
        return text.toString();
    }

    private static String shorten(String headline, int over) {
        int keep = Math.max(1, headline.codePointCount(0, headline.length()) - over - 1);
        int end = headline.offsetByCodePoints(0, keep);
        return headline.substring(0, end) + "…";
    }
}

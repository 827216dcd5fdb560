package com.alphacast.bots.discord;

import com.alphacast.bots.render.Attachment;
import com.alphacast.bots.render.Briefing;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.bots.render.ChannelRenderer;
import com.alphacast.bots.render.Fact;
import com.alphacast.bots.render.PlatformRequest;
import com.alphacast.bots.render.Tone;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.ChartArchive;
import com.alphacast.core.publication.Publication;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders briefings as one Discord embed built with JDA's {@link EmbedBuilder}: colour by side or outcome,
 * every value markdown-escaped, every text cut to its embed limit and the whole embed kept under Discord's
 * 6000-character total. Mentions are disabled so a value such as {@code @everyone} pings nobody. A morning
 * briefing with a chart carries it as the embed's image: the PNG is uploaded with the message as {@code files[0]}
 * (multipart/form-data, the message JSON in {@code payload_json}) and the embed points at it
 * ({@code image.url = attachment://chart.png}).
 */
public final class DiscordRenderer implements ChannelRenderer {

    /** Discord's limit across all embeds of a message. */
    public static final int EMBED_TOTAL_LIMIT = 6000;
    /** The chart's file name on Discord, which the embed's image URL names. */
    public static final String CHART_FILENAME = "chart.png";

    private final BriefingComposer composer;
    private final ChartArchive charts;
    private final ObjectMapper json = new ObjectMapper();

    public DiscordRenderer(BriefingComposer composer) {
        this(composer, publicationId -> Optional.empty());
    }

    /** @param charts where briefing charts are read; a briefing whose chart is not there goes out without an image */
    public DiscordRenderer(BriefingComposer composer, ChartArchive charts) {
        this.composer = Objects.requireNonNull(composer, "composer");
        this.charts = Objects.requireNonNull(charts, "charts");
    }

    public static DiscordRenderer standard() {
        return new DiscordRenderer(BriefingComposer.standard());
    }

    @Override
    public Channel channel() {
        return Channel.DISCORD;
    }

    /**
     * An update to a channel is a reply to the message its signal became ({@code message_reference}, sent even if
     * that message is gone); a webhook cannot reply (Discord's execute-webhook body has no message reference), so
     * there the update stands alone below the signal.
     */
    @Override
    public List<PlatformRequest> requestsFor(Publication publication, Tier tier, String destination,
                                             Optional<String> inReplyTo) {
        DiscordDestination target = DiscordDestination.parse(destination);
        Optional<byte[]> chart = publication instanceof Publication.MorningBriefing briefing && briefing.hasChart()
                ? charts.chart(briefing.id()) : Optional.empty();
        if (chart.isPresent()) {
            MessageEmbed embed = new EmbedBuilder(embed(composer.compose(publication, tier)))
                    .setImage("attachment://" + CHART_FILENAME).build();
            ObjectNode body = body(embed);
            ObjectNode attachment = body.putArray("attachments").addObject();
            attachment.put("id", "0");
            attachment.put("filename", CHART_FILENAME);
            return List.of(new PlatformRequest("POST", target.messagePath(), body,
                    Optional.of(Attachment.png("files[0]", CHART_FILENAME, chart.get()))));
        }
        ObjectNode body = body(embed(composer.compose(publication, tier)));
        Optional<String> replyTo = ChannelRenderer.messageId(inReplyTo);
        if (target.kind() == DiscordDestination.Kind.CHANNEL && replyTo.isPresent()) {
            ObjectNode reference = body.putObject("message_reference");
            reference.put("message_id", replyTo.get());
            reference.put("fail_if_not_exists", false);
        }
        return List.of(new PlatformRequest("POST", target.messagePath(), body));
    }

    /** The create-message JSON for one embed, as JDA serialises it. */
    public ObjectNode body(MessageEmbed embed) {
        try (MessageCreateData data = new MessageCreateBuilder()
                .setEmbeds(embed)
                .setAllowedMentions(EnumSet.noneOf(net.dv8tion.jda.api.entities.Message.MentionType.class))
                .build()) {
            return (ObjectNode) json.readTree(data.toData().toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("JDA produced unreadable JSON", e);
        }
    }

    public MessageEmbed embed(Briefing briefing) {
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(colour(briefing.tone()))
                .setTitle(cut(briefing.tone().emoji() + " " + escape(briefing.headline()), MessageEmbed.TITLE_MAX_LENGTH))
                .setTimestamp(briefing.at());
        for (Fact fact : briefing.facts()) {
            if (embed.getFields().size() == MessageEmbed.MAX_FIELD_AMOUNT) {
                break;
            }
            String value = fact.monospace() ? "`" + fact.value().replace("`", "'") + "`" : escape(fact.value());
            embed.addField(cut(fact.label(), MessageEmbed.TITLE_MAX_LENGTH), cut(value, MessageEmbed.VALUE_MAX_LENGTH), true);
        }
        if (!briefing.footer().isEmpty()) {
            embed.setFooter(cut(briefing.footer(), MessageEmbed.TEXT_MAX_LENGTH));
        }
        StringBuilder description = new StringBuilder();
        if (!briefing.narrative().isBlank()) {
            description.append(escape(briefing.narrative().strip()));
        }
        if (!briefing.callToAction().isEmpty()) {
            // The call to action must survive truncation of a long rationale, so it is budgeted first.
            String cta = "\n\n" + escape(briefing.callToAction());
            int room = Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, EMBED_TOTAL_LIMIT - embed.length()) - cta.length();
            String narrative = cut(description.toString(), Math.max(0, room));
            description.setLength(0);
            description.append(narrative).append(cta);
            if (narrative.isEmpty()) {
                description.delete(0, 2);
            }
        }
        int room = Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, EMBED_TOTAL_LIMIT - embed.length());
        if (description.length() > 0) {
            embed.setDescription(cut(description.toString(), room));
        }
        return embed.build();
    }

    static int colour(Tone tone) {
        return switch (tone) {
            case BULLISH -> 0x2ECC71;
            case BEARISH -> 0xE74C3C;
            case WIN -> 0x27AE60;
            case LOSS -> 0xC0392B;
            case FLAT -> 0x95A5A6;
            case NEUTRAL -> 0x5865F2;
        };
    }


    private static String escape(String text) {
        return MarkdownSanitizer.escape(text);
    }

    /** Cuts to at most {@code max} UTF-16 units, ending with an ellipsis, never splitting a surrogate pair or an escape. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        if (max <= 1) {
            return max == 1 ? "…" : "";
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        // Do not leave a dangling escape backslash that would escape the ellipsis.
        while (end > 0 && text.charAt(end - 1) == '\\') {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}

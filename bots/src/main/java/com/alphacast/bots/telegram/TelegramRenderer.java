package com.alphacast.bots.telegram;

import com.alphacast.bots.render.Attachment;
import com.alphacast.bots.render.Briefing;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.bots.render.ChannelRenderer;
import com.alphacast.bots.render.Fact;
import com.alphacast.bots.render.PlatformRequest;
import com.alphacast.bots.telegram.TelegramText.Run;
import com.alphacast.bots.telegram.TelegramText.Style;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.ChartArchive;
import com.alphacast.core.publication.Publication;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Renders briefings as Telegram HTML ({@code parse_mode=HTML}, every value escaped), split into
 * messages of at most 4096 characters, as {@code sendMessage} calls built with TelegramBots' own
 * {@link SendMessage} so the outbox and the client send the same JSON. A morning briefing with a chart opens
 * with a {@code sendPhoto} (the PNG as the multipart {@code photo} part, the first lines of the text as its caption
 * of at most 1024 characters after entity parsing); the rest of the text follows as messages of the same size.
 */
public final class TelegramRenderer implements ChannelRenderer {

    /** Path of a Bot API call; {@code {token}} is filled in by the sender only. */
    public static String methodPath(String method) {
        return "/bot{token}/" + method;
    }

    private final BriefingComposer composer;
    private final TelegramMessageSplitter splitter;
    private final Optional<String> upgradeUrl;
    private final ChartArchive charts;
    private final TelegramMessageSplitter captionSplitter = new TelegramMessageSplitter(CAPTION_LIMIT);
    private final ObjectMapper json;

    /** Telegram's limit for a photo caption after entity parsing. */
    public static final int CAPTION_LIMIT = 1024;

    /**
     * @param upgradeUrl where the "Upgrade" button of teasers points (e.g. the bot's subscribe deep link); none: no button
     */
    public TelegramRenderer(BriefingComposer composer, TelegramMessageSplitter splitter, Optional<String> upgradeUrl) {
        this(composer, splitter, upgradeUrl, publicationId -> Optional.empty());
    }

    /** @param charts where briefing charts are read; a briefing whose chart is not there goes out as text only */
    public TelegramRenderer(BriefingComposer composer, TelegramMessageSplitter splitter, Optional<String> upgradeUrl,
                            ChartArchive charts) {
        this.charts = Objects.requireNonNull(charts, "charts");
        this.composer = Objects.requireNonNull(composer, "composer");
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.upgradeUrl = Objects.requireNonNull(upgradeUrl, "upgradeUrl");
        this.json = new ObjectMapper();
    }

    public static TelegramRenderer standard() {
        return new TelegramRenderer(BriefingComposer.standard(), new TelegramMessageSplitter(), Optional.empty());
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public List<PlatformRequest> requestsFor(Publication publication, Tier tier, String destination,
                                             Optional<String> inReplyTo) {
        Optional<byte[]> chart = publication instanceof Publication.MorningBriefing briefing && briefing.hasChart()
                ? charts.chart(briefing.id()) : Optional.empty();
        if (chart.isPresent()) {
            return withPhoto(publication, tier, destination, chart.get());
        }
        List<SendMessage> messages = messagesFor(publication, tier, destination, inReplyTo);
        List<PlatformRequest> requests = new ArrayList<>(messages.size());
        for (SendMessage message : messages) {
            requests.add(new PlatformRequest("POST", methodPath(SendMessage.PATH), json.valueToTree(message)));
        }
        return requests;
    }

    /**
     * The chart as a {@code sendPhoto} whose caption is the text's first part (split at line boundaries to fit
     * {@link #CAPTION_LIMIT}), then each remaining part as a {@code sendMessage}.
     */
    private List<PlatformRequest> withPhoto(Publication publication, Tier tier, String destination, byte[] png) {
        Briefing briefing = composer.compose(publication, tier);
        List<String> captionChunks = captionSplitter.split(text(briefing));
        ObjectNode photo = json.createObjectNode();
        photo.put("chat_id", destination);
        photo.put("caption", captionChunks.get(0));
        photo.put("parse_mode", "HTML");
        photo.put("photo", "attach://chart.png");
        List<PlatformRequest> requests = new ArrayList<>();
        requests.add(new PlatformRequest("POST", methodPath("sendPhoto"), photo,
                Optional.of(Attachment.png("photo", "chart.png", png))));
        // Each later part is already closed HTML of at most 1024 characters, so it is a valid message as it is.
        for (String chunk : captionChunks.subList(1, captionChunks.size())) {
            SendMessage message = SendMessage.builder().chatId(destination).text(chunk).parseMode("HTML")
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).build();
            requests.add(new PlatformRequest("POST", methodPath(SendMessage.PATH), json.valueToTree(message)));
        }
        return requests;
    }

    /** The {@code sendMessage} calls of a message that stands alone. */
    public List<SendMessage> messagesFor(Publication publication, Tier tier, String destination) {
        return messagesFor(publication, tier, destination, Optional.empty());
    }

    /**
     * The {@code sendMessage} calls, in order; the last one carries the keyboard, if any. An update is threaded
     * under the message its signal became: the first part replies to it ({@code reply_parameters}), and is sent
     * even if that message was deleted meanwhile ({@code allow_sending_without_reply}).
     */
    public List<SendMessage> messagesFor(Publication publication, Tier tier, String destination,
                                         Optional<String> inReplyTo) {
        Briefing briefing = composer.compose(publication, tier);
        Optional<String> replyTo = ChannelRenderer.messageId(inReplyTo);
        List<String> chunks = splitter.split(text(briefing));
        List<SendMessage> messages = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            SendMessage message = SendMessage.builder()
                    .chatId(destination)
                    .text(chunks.get(i))
                    .parseMode("HTML")
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                    .build();
            if (i == 0 && replyTo.isPresent()) {
                message.setReplyParameters(ReplyParameters.builder().messageId(Integer.parseInt(replyTo.get()))
                        .allowSendingWithoutReply(true).build());
            }
            boolean last = i == chunks.size() - 1;
            if (last && upgradeUrl.isPresent() && !briefing.callToAction().isEmpty()) {
                message.setReplyMarkup(InlineKeyboardMarkup.builder()
                        .keyboardRow(new InlineKeyboardRow(
                                InlineKeyboardButton.builder().text("Upgrade").url(upgradeUrl.get()).build()))
                        .build());
            }
            messages.add(message);
        }
        return messages;
    }

    /** The structured text of a briefing, before splitting. */
    public TelegramText text(Briefing briefing) {
        TelegramText.Builder text = new TelegramText.Builder();
        text.line(new Run(briefing.tone().emoji() + " ", Style.PLAIN), new Run(briefing.headline(), Style.BOLD));
        if (!briefing.facts().isEmpty()) {
            text.blank();
            for (Fact fact : briefing.facts()) {
                text.line(new Run(fact.label() + ": ", Style.PLAIN),
                        new Run(fact.value(), fact.monospace() ? Style.CODE : Style.BOLD));
            }
        }
        if (!briefing.narrative().isBlank()) {
            text.blank();
            for (String paragraph : briefing.narrative().strip().split("\\R")) {
                if (paragraph.isBlank()) {
                    text.blank();
                } else {
                    text.line(new Run(paragraph, Style.ITALIC));
                }
            }
        }
        if (!briefing.callToAction().isEmpty()) {
            text.blank();
            text.line(new Run(briefing.callToAction(), Style.PLAIN));
        }
        if (!briefing.footer().isEmpty()) {
            text.blank();
            text.line(new Run(briefing.footer(), Style.ITALIC));
        }
        return text.build();
    }
}

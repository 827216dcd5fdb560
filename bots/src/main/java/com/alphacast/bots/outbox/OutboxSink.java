package com.alphacast.bots.outbox;

import com.alphacast.bots.discord.DiscordRenderer;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.bots.render.ChannelRenderer;
import com.alphacast.bots.render.PlatformRequest;
import com.alphacast.bots.telegram.TelegramMessageSplitter;
import com.alphacast.bots.telegram.TelegramRenderer;
import com.alphacast.bots.x.XRenderer;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.ChannelSink;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.DeliveryFailedException;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.publication.ChartArchive;
import com.alphacast.core.publication.Publication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sink that records, instead of sending, exactly the platform API requests a delivery produces: one
 * JSON line per delivery in {@code <directory>/<channel>.jsonl} with {@code deliveryId}, {@code channel},
 * {@code tier}, {@code destination} and {@code requests} (method, path with secrets as placeholders, body).
 *
 * <p>Idempotent: a delivery id already in the file (including from an earlier run; ids are reloaded on
 * open) is not written again and gets the same {@code Sent} reference ({@code <file>#<line>}). Each line
 * is flushed as it is written; all methods are thread-safe.
 */
public final class OutboxSink implements ChannelSink, Closeable {

    private final Channel channel;
    private final ChannelRenderer renderer;
    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> references = new HashMap<>();
    private final BufferedWriter writer;
    private int lines;

    public OutboxSink(Channel channel, Path directory, ChannelRenderer renderer) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        if (renderer.channel() != channel) {
            throw new IllegalArgumentException("renderer renders " + renderer.channel().key() + ", outbox is for " + channel.key());
        }
        this.file = directory.resolve(channel.key() + ".jsonl");
        try {
            Files.createDirectories(directory);
            boolean needsNewline = reload();
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (needsNewline) {
                // A crash mid-line left a torn record: end it so the next record starts on its own line.
                writer.write('\n');
                writer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open outbox " + file, e);
        }
    }

    /** An outbox with the channel's standard renderer; briefing charts are not looked up (text only). */
    public static OutboxSink forChannel(Channel channel, Path directory) {
        return forChannel(channel, directory, publicationId -> Optional.empty());
    }

    /**
     * An outbox with the channel's standard renderer reading briefing charts from {@code charts}: a briefing's
     * chart is recorded as the request's attachment (size and SHA-256), as the live sender would upload it.
     */
    public static OutboxSink forChannel(Channel channel, Path directory, ChartArchive charts) {
        BriefingComposer composer = BriefingComposer.standard();
        ChannelRenderer renderer = switch (channel) {
            case TELEGRAM -> new TelegramRenderer(composer, new TelegramMessageSplitter(), Optional.empty(), charts);
            case DISCORD -> new DiscordRenderer(composer, charts);
            case X -> new XRenderer(composer, Optional.empty(), charts);
        };
        return new OutboxSink(channel, directory, renderer);
    }

    @Override
    public Channel channel() {
        return channel;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized DeliveryResult deliver(Delivery delivery) throws DeliveryFailedException {
        String known = references.get(delivery.id());
        if (known != null) {
            return new DeliveryResult.Sent(known);
        }
        List<PlatformRequest> requests;
        try {
            requests = renderer.requestsFor(delivery);
        } catch (IllegalArgumentException e) {
            // A destination the platform could never accept (malformed id): retrying cannot help.
            return new DeliveryResult.Rejected(e.getMessage());
        }
        ObjectNode line = json.createObjectNode();
        line.put("deliveryId", delivery.id());
        line.put("channel", delivery.channel().key());
        line.put("tier", delivery.tier().key());
        line.put("destination", delivery.destination());
        line.put("publicationId", delivery.publication().id());
        line.put("kind", delivery.publication().kind());
        // The signal a line is about: its own id for a signal, the signal an update follows; none for the rest.
        String signalId = delivery.publication() instanceof Publication.NewSignal
                ? delivery.publication().id() : delivery.publication().follows().orElse(null);
        if (signalId != null) {
            line.put("signalId", signalId);
        }
        delivery.inReplyTo().ifPresent(reference -> line.put("inReplyTo", reference));
        ArrayNode array = line.putArray("requests");
        for (PlatformRequest request : requests) {
            ObjectNode node = array.addObject();
            node.put("method", request.method());
            node.put("path", request.path());
            node.set("body", request.body());
            // The file itself stays out of the outbox: its size and digest say which file was sent.
            request.attachment().ifPresent(file -> {
                ObjectNode attached = node.putObject("attachment");
                attached.put("field", file.field());
                attached.put("filename", file.filename());
                attached.put("contentType", file.contentType());
                attached.put("size", file.size());
                attached.put("sha256", file.sha256());
            });
        }
        String reference = file.getFileName() + "#" + (lines + 1);
        try {
            writer.write(json.writeValueAsString(line));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new DeliveryFailedException("cannot append to outbox " + file + ": " + e.getMessage(), e);
        }
        lines++;
        references.put(delivery.id(), reference);
        return new DeliveryResult.Sent(reference);
    }

    /** Whether the delivery is already in the outbox. */
    public synchronized boolean contains(String deliveryId) {
        return references.containsKey(deliveryId);
    }

    public synchronized int size() {
        return references.size();
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }

    /** Reads the ids already recorded; returns whether the file ends in a torn (unterminated) line. */
    private boolean reload() throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        List<String> existing = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String text : existing) {
            lines++;
            if (text.isBlank()) {
                continue;
            }
            try {
                JsonNode node = json.readTree(text);
                JsonNode id = node.get("deliveryId");
                if (id != null && id.isTextual()) {
                    references.putIfAbsent(id.asText(), file.getFileName() + "#" + lines);
                }
            } catch (IOException torn) {
                // A torn line from a crash: its delivery was never acknowledged, so it will be written again.
            }
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() == 0) {
                return false;
            }
            raf.seek(raf.length() - 1);
            return raf.read() != '\n';
        }
    }
}

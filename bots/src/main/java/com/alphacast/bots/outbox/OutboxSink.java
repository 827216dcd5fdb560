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
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
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
 * is written whole as it is delivered; all methods are thread-safe. Several sinks may append to one file at once
 * (the local cloud runs several execution environments of the distribution function, each with its own sink): each
 * write holds the file's lock and first reads what the others appended, so line numbers (the references updates
 * reply to) stay true and a delivery another sink wrote is not written again.
 */
public final class OutboxSink implements ChannelSink, Closeable {

    private final Channel channel;
    private final ChannelRenderer renderer;
    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> references = new HashMap<>();
    private final FileChannel out;
    /** Bytes of the file already read into {@link #references} and {@link #lines}. */
    private long read;
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
            this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open outbox " + file, e);
        }
        try (FileLock lock = lock()) {
            catchUp();
        } catch (IOException | DeliveryFailedException e) {
            closeQuietly();
            throw new IllegalStateException("cannot read outbox " + file + ": " + e.getMessage(), e);
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
        try (FileLock lock = lock()) {
            byte[] bytes = (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            catchUp();
            String written = references.get(delivery.id());
            if (written != null) {
                // Another sink on this file wrote it meanwhile.
                return new DeliveryResult.Sent(written);
            }
            long at = out.size();
            write(bytes, at);
            read = at + bytes.length;
        } catch (IOException e) {
            throw new DeliveryFailedException("cannot append to outbox " + file + ": " + e.getMessage(), e);
        }
        lines++;
        String reference = file.getFileName() + "#" + lines;
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
        out.close();
    }

    /**
     * Reads the lines appended since the last read (by this sink or others), recording each delivery id's line. A
     * torn last line (a writer crashed mid-line) is counted and terminated, so the next record starts on its own
     * line; its delivery was never acknowledged, so it will be written again. Called with the file lock held.
     */
    private void catchUp() throws IOException {
        long size = out.size();
        if (size <= read) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size - read));
        while (buffer.hasRemaining() && out.read(buffer, read + buffer.position()) >= 0) {
            // read until the buffer is full
        }
        byte[] bytes = buffer.array();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                record(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        read = size;
        if (start < bytes.length) {
            record(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
            write(new byte[] {'\n'}, size);
            read = size + 1;
        }
    }

    private void record(String text) {
        lines++;
        if (text.isBlank()) {
            return;
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

    private void write(byte[] bytes, long at) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer, at + buffer.position());
        }
    }

    /**
     * The file's lock. Another process holding it makes this wait; another sink of this JVM holding it makes the JVM
     * refuse at once (locks are per JVM), so that case is retried every millisecond.
     */
    private FileLock lock() throws IOException, DeliveryFailedException {
        while (true) {
            try {
                return out.lock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DeliveryFailedException("interrupted while waiting for the outbox " + file, e);
                }
            }
        }
    }

    private void closeQuietly() {
        try {
            out.close();
        } catch (IOException ignored) {
            // already failing with the reason the sink cannot be opened
        }
    }
}

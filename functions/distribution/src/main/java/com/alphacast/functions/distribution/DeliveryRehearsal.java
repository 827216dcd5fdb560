package com.alphacast.functions.distribution;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.bots.outbox.OutboxSink;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.DeliveryFailedException;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.ChartArchive;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.publication.TradeExit;
import com.alphacast.core.settings.DistributionSettings;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import com.alphacast.functions.SnapStartPriming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a SnapStart snapshot of the distribution function should hold compiled besides its reads: the releases a signal
 * brings (the signal, its fill, its exit) for every tier, decoded from queue messages by the handler's own codec, and
 * each delivery of them rendered and written by an outbox in a scratch directory, deleted after each round. The live
 * senders render with the same renderers. Nothing is claimed, recorded or sent.
 */
final class DeliveryRehearsal implements Runnable {

    private final JsonCodec json;
    private final DistributionSettings settings;
    private final ChartArchive charts;
    private final Path scratchParent;
    /** The queue messages of the releases, built on the first round: an on-demand start never primes. */
    private List<String> messages;

    /**
     * @param json          the codec the handler decodes releases with (its deserializers are built on first use)
     * @param scratchParent where each round's scratch outbox directory is created
     */
    DeliveryRehearsal(JsonCodec json, DistributionSettings settings, ChartArchive charts, Path scratchParent) {
        this.json = json;
        this.settings = settings;
        this.charts = charts;
        this.scratchParent = scratchParent;
    }

    private List<String> messages() {
        if (messages == null) {
            Signal signal = SnapStartPriming.sample();
            Fill fill = new Fill(signal.id(), signal.id(), signal.instrument(), signal.direction(), signal.quantity(),
                    signal.entry(), signal.marketTime().plusSeconds(1));
            TradeExit exit = new TradeExit(signal.id(), signal.underlying(), signal.instrument(), signal.direction(),
                    signal.quantity(), signal.entry(), signal.target(), TradeExit.ExitReason.TARGET,
                    signal.marketTime().plusSeconds(1), signal.marketTime().plusSeconds(60), 225.0);
            List<Publication> publications = List.of(new Publication.NewSignal(signal),
                    new Publication.Filled(fill, signal.underlying()), new Publication.TargetHit(exit));
            List<String> built = new ArrayList<>();
            for (Tier tier : settings.tiers().keySet()) {
                for (Publication publication : publications) {
                    built.add(json.write(new TierRelease(publication, tier, signal.marketTime())));
                }
            }
            messages = List.copyOf(built);
        }
        return messages;
    }

    @Override
    public void run() {
        rehearse();
    }

    /** One round; returns how many deliveries it rendered and wrote. */
    int rehearse() {
        Path scratch;
        try {
            scratch = Files.createTempDirectory(scratchParent, "alphacast-priming-outbox");
        } catch (IOException e) {
            throw new UncheckedIOException("priming: cannot create a scratch outbox in " + scratchParent, e);
        }
        Map<Channel, OutboxSink> sinks = new EnumMap<>(Channel.class);
        int delivered = 0;
        try {
            for (String message : messages()) {
                TierRelease release = json.read(message, TierRelease.class);
                TierPolicy policy = settings.tiers().get(release.tier());
                for (Map.Entry<Channel, List<String>> channel : policy.destinations().entrySet()) {
                    OutboxSink sink = sinks.computeIfAbsent(channel.getKey(),
                            c -> OutboxSink.forChannel(c, scratch, charts));
                    // An update is threaded under its signal's message, as the real one would be.
                    Optional<String> inReplyTo = release.publication().follows()
                            .map(signal -> channel.getKey().key() + ".jsonl#1");
                    for (String destination : channel.getValue()) {
                        DeliveryResult result = sink.deliver(new Delivery(release.publication(), release.tier(),
                                channel.getKey(), destination, inReplyTo));
                        if (!(result instanceof DeliveryResult.Sent)) {
                            throw new IllegalStateException("priming: the scratch outbox refused " + release.key()
                                    + " for " + destination + ": " + result);
                        }
                        delivered++;
                    }
                }
            }
            return delivered;
        } catch (DeliveryFailedException e) {
            throw new IllegalStateException("priming: the scratch outbox failed: " + e.getMessage(), e);
        } finally {
            sinks.values().forEach(DeliveryRehearsal::closeQuietly);
            delete(scratch);
        }
    }

    private static void closeQuietly(OutboxSink sink) {
        try {
            sink.close();
        } catch (IOException e) {
            // Only a scratch file, deleted next.
        }
    }

    /** Logged, not thrown, when it fails: a scratch file left in the temporary directory harms nothing. */
    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("priming: cannot delete the scratch outbox " + directory + ": " + e);
        }
    }
}

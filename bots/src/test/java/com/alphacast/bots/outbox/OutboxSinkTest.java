package com.alphacast.bots.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.telegram.TelegramRenderer;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.distribution.Tier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxSinkTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void writesExactlyTheRequestsTheChannelWouldReceive() throws Exception {
        Delivery delivery = Fixtures.delivery(Fixtures.hostileShort(), Tier.PREMIUM, Channel.TELEGRAM, "-1001234567890");
        try (OutboxSink sink = OutboxSink.forChannel(Channel.TELEGRAM, directory)) {
            assertThat(sink.deliver(delivery)).isEqualTo(new DeliveryResult.Sent("telegram.jsonl#1"));
        }
        List<String> lines = Files.readAllLines(directory.resolve("telegram.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode line = json.readTree(lines.get(0));
        assertThat(line.get("deliveryId").asText()).isEqualTo(delivery.id());
        assertThat(line.get("tier").asText()).isEqualTo("premium");
        assertThat(line.get("destination").asText()).isEqualTo("-1001234567890");
        assertThat(line.get("requests")).isEqualTo(json.valueToTree(TelegramRenderer.standard().requestsFor(delivery)));
    }

    @Test
    void duplicateDeliveryIsNotWrittenAgainEvenAfterReopening() throws Exception {
        Delivery first = Fixtures.delivery(Fixtures.longEs(), Tier.BASIC, Channel.DISCORD, "webhook:42");
        Delivery second = Fixtures.delivery(Fixtures.longEs(), Tier.FREE, Channel.DISCORD, "webhook:42");
        try (OutboxSink sink = OutboxSink.forChannel(Channel.DISCORD, directory)) {
            sink.deliver(first);
            sink.deliver(second);
            assertThat(sink.deliver(first)).isEqualTo(new DeliveryResult.Sent("discord.jsonl#1"));
        }
        try (OutboxSink reopened = OutboxSink.forChannel(Channel.DISCORD, directory)) {
            assertThat(reopened.deliver(second)).isEqualTo(new DeliveryResult.Sent("discord.jsonl#2"));
            Delivery third = Fixtures.delivery(Fixtures.hostileShort(), Tier.FREE, Channel.DISCORD, "webhook:42");
            assertThat(reopened.deliver(third)).isEqualTo(new DeliveryResult.Sent("discord.jsonl#3"));
        }
        assertThat(Files.readAllLines(directory.resolve("discord.jsonl"))).hasSize(3);
    }

    @Test
    void tornLastLineFromACrashIsTerminatedAndItsDeliveryWrittenAgain() throws Exception {
        Delivery delivery = Fixtures.delivery(Fixtures.longEs(), Tier.FREE, Channel.X, "alphacast");
        Path file = directory.resolve("x.jsonl");
        Files.writeString(file, "{\"deliveryId\":\"" + delivery.id() + "\",\"requ", StandardCharsets.UTF_8, StandardOpenOption.CREATE);
        try (OutboxSink sink = OutboxSink.forChannel(Channel.X, directory)) {
            assertThat(sink.deliver(delivery)).isEqualTo(new DeliveryResult.Sent("x.jsonl#2"));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(json.readTree(lines.get(1)).get("requests").get(0).get("path").asText()).isEqualTo("/2/tweets");
    }

    @Test
    void concurrentDuplicatesAreWrittenOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (OutboxSink sink = OutboxSink.forChannel(Channel.TELEGRAM, directory)) {
            List<Future<DeliveryResult>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Delivery delivery = Fixtures.delivery(Fixtures.longEs(), Tier.BASIC, Channel.TELEGRAM, Integer.toString(i % 100));
                results.add(pool.submit(() -> sink.deliver(delivery)));
            }
            for (Future<DeliveryResult> result : results) {
                assertThat(result.get()).isInstanceOf(DeliveryResult.Sent.class);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(Files.readAllLines(directory.resolve("telegram.jsonl"))).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void sinksSharingOneFileNumberLinesTrulyAndWriteEachDeliveryOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<String, String> references = new java.util.concurrent.ConcurrentHashMap<>();
        try (OutboxSink first = OutboxSink.forChannel(Channel.TELEGRAM, directory);
             OutboxSink second = OutboxSink.forChannel(Channel.TELEGRAM, directory)) {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                OutboxSink sink = i % 2 == 0 ? first : second;
                Delivery delivery = Fixtures.delivery(Fixtures.longEs(), Tier.BASIC, Channel.TELEGRAM, Integer.toString(i % 50));
                results.add(pool.submit(() -> {
                    DeliveryResult.Sent sent = (DeliveryResult.Sent) sink.deliver(delivery);
                    String earlier = references.putIfAbsent(delivery.id(), sent.reference());
                    assertThat(earlier == null ? sent.reference() : earlier).isEqualTo(sent.reference());
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        List<String> lines = Files.readAllLines(directory.resolve("telegram.jsonl"));
        assertThat(lines).hasSize(50).doesNotHaveDuplicates();
        assertThat(references).hasSize(50);
        references.forEach((deliveryId, reference) -> {
            int line = Integer.parseInt(reference.substring("telegram.jsonl#".length()));
            assertThat(lines.get(line - 1)).as(reference).contains("\"deliveryId\":\"" + deliveryId + "\"");
        });
    }

    @Test
    void malformedDestinationIsRejectedPermanently() throws Exception {
        try (OutboxSink sink = OutboxSink.forChannel(Channel.DISCORD, directory)) {
            DeliveryResult result = sink.deliver(Fixtures.delivery(Fixtures.longEs(), Tier.BASIC, Channel.DISCORD, "general"));
            assertThat(result).isInstanceOf(DeliveryResult.Rejected.class);
            assertThat(((DeliveryResult.Rejected) result).reason()).contains("'general'");
        }
    }
}

package com.alphacast.cli.bots;

import com.alphacast.bots.delivery.InMemorySentDeliveryLedger;
import com.alphacast.bots.delivery.PlatformSink;
import com.alphacast.bots.delivery.SendPolicy;
import com.alphacast.bots.ratelimit.Backoff;
import com.alphacast.bots.ratelimit.RateLimit;
import com.alphacast.bots.ratelimit.Sleeper;
import com.alphacast.bots.telegram.TelegramRenderer;
import com.alphacast.bots.telegram.TelegramTransport;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.DeliveryFailedException;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.fakes.Fault;
import com.alphacast.fakes.RecordedRequest;
import com.alphacast.fakes.telegram.FakeTelegram;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans one signal out to N Telegram direct messages through the loopback fake, which enforces the
 * broadcast limit for real (more than {@code rate} sends in any second → 429). A delivery that fails
 * transiently goes back on the queue, as an SQS redelivery would. Measures achieved rate, 429s, loss and
 * duplicates (the same chat receiving the message twice).
 */
public final class FanoutBench {

    /**
     * @param messages    direct messages to send (one per chat)
     * @param rate        the broadcast limit, messages per second (enforced by the fake, paced by the sink)
     * @param faultShare  share of requests the fake fails on purpose (0 for a clean run)
     * @param faults      what the injected failures are
     * @param concurrency worker threads calling the sink
     * @param seed        seed of the fault injection and of the backoff jitter
     */
    public record Options(int messages, int rate, double faultShare, List<Fault> faults, int concurrency, long seed,
                          Duration maxDuration) {
    }

    /** What a run achieved. */
    public record Result(int messages, int rate, double faultShare, Duration elapsed, double achievedPerSecond,
                         long throttledByLimit, long injected429, long injected5xx, int delivered, int lost, int duplicates,
                         int redeliveries, int invalidRequests) {

        public double shareOfLimit() {
            return achievedPerSecond / rate;
        }
    }

    public Result run(Options options) throws InterruptedException {
        String token = "424242:bench-token";
        try (FakeTelegram telegram = new FakeTelegram(Clock.systemUTC(), token, "AlphacastBenchBot")) {
            telegram.limitGlobalPerSecond(options.rate()).retryAfterSeconds(1);
            if (options.faultShare() > 0) {
                telegram.faults().onlyFor(request -> request.path().endsWith("/sendmessage"))
                        .randomly(options.faultShare(), options.seed(), options.faults().toArray(Fault[]::new));
            }
            SendPolicy policy = SendPolicy.telegramDefaults()
                    .withAccountLimit(RateLimit.perSecond(options.rate()).withMargin(Duration.ofMillis(25)));
            warmUp(options.concurrency());
            PlatformSink sink = new PlatformSink(TelegramRenderer.standard(),
                    TelegramTransport.create(token, telegram.baseUri(), Duration.ofSeconds(10)), new InMemorySentDeliveryLedger(),
                    policy, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new SplittableRandom(options.seed())),
                    Clock.systemUTC(), Sleeper.system());

            Signal signal = new Signal("bench|ESZ6|2026-11-20T14:31:07Z", "bench", "ES", "ESZ6", Direction.LONG, 5012.25,
                    4998.0, 5040.5, 1, 0.7, "Fan-out benchmark", Instant.parse("2026-11-20T14:31:07Z"),
                    Instant.parse("2026-11-20T14:31:07Z"));
            ConcurrentLinkedQueue<Delivery> queue = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < options.messages(); i++) {
                queue.add(new Delivery(new Publication.NewSignal(signal), Tier.PREMIUM, Channel.TELEGRAM, Long.toString(100_000_000L + i)));
            }
            AtomicInteger delivered = new AtomicInteger();
            AtomicInteger rejected = new AtomicInteger();
            AtomicInteger redeliveries = new AtomicInteger();
            long deadline = System.nanoTime() + options.maxDuration().toNanos();
            long start = System.nanoTime();
            ExecutorService workers = Executors.newFixedThreadPool(options.concurrency());
            for (int w = 0; w < options.concurrency(); w++) {
                workers.submit(() -> {
                    Delivery delivery;
                    while ((delivery = queue.poll()) != null && System.nanoTime() < deadline) {
                        try {
                            DeliveryResult result = sink.deliver(delivery);
                            if (result instanceof DeliveryResult.Sent) {
                                delivered.incrementAndGet();
                            } else {
                                rejected.incrementAndGet();
                            }
                        } catch (DeliveryFailedException e) {
                            redeliveries.incrementAndGet();
                            queue.add(delivery);
                        }
                    }
                });
            }
            workers.shutdown();
            if (!workers.awaitTermination(options.maxDuration().toSeconds() + 30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            List<FakeTelegram.SentMessage> sent = telegram.sentMessages();
            Set<String> chats = new HashSet<>();
            int duplicates = 0;
            for (FakeTelegram.SentMessage message : sent) {
                if (!chats.add(message.chatId())) {
                    duplicates++;
                }
            }
            List<RecordedRequest> requests = telegram.requests();
            long injected429 = requests.stream().filter(r -> r.fault().equals(Fault.Kind.RATE_LIMITED.name())).count();
            long injected5xx = requests.stream().filter(r -> r.fault().equals(Fault.Kind.SERVER_ERROR.name())).count();
            int lost = options.messages() - chats.size();
            double seconds = elapsed.toNanos() / 1e9;
            return new Result(options.messages(), options.rate(), options.faultShare(), elapsed, delivered.get() / seconds,
                    telegram.throttledByLimits(), injected429, injected5xx, delivered.get(), lost, duplicates,
                    redeliveries.get(), telegram.invalidRequests().size());
        }
    }

    /**
     * A warm-up iteration, as JMH does: the same fan-out against a throwaway fake without limits, so class
     * loading and JIT compilation of the whole send path (rendering, client, fake validation) happen before
     * the measured run instead of delaying its first burst by a second and bunching it into 429s.
     */
    private void warmUp(int concurrency) throws InterruptedException {
        try (FakeTelegram scratch = new FakeTelegram(Clock.systemUTC(), "1:warm-up", "WarmUpBot")) {
            PlatformSink sink = new PlatformSink(TelegramRenderer.standard(),
                    TelegramTransport.create("1:warm-up", scratch.baseUri(), Duration.ofSeconds(10)), new InMemorySentDeliveryLedger(),
                    SendPolicy.telegramDefaults().withAccountLimit(RateLimit.perSecond(100_000)),
                    new Backoff(Duration.ofMillis(1), Duration.ofMillis(10), new SplittableRandom(0)), Clock.systemUTC(), Sleeper.system());
            Signal signal = new Signal("warm-up|ESZ6|1", "bench", "ES", "ESZ6", Direction.LONG, 5012.25, 4998.0, 5040.5, 1, 0.7,
                    "warm-up", Instant.EPOCH, Instant.EPOCH);
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            for (int i = 0; i < 400; i++) {
                Delivery delivery = new Delivery(new Publication.NewSignal(signal), Tier.PREMIUM, Channel.TELEGRAM, Long.toString(900_000_000L + i));
                pool.submit(() -> sink.deliver(delivery));
            }
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    static List<String> describe(Result result) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT, "fan-out of %d Telegram DMs at a %d msg/s limit, %.0f%% injected failures",
                result.messages(), result.rate(), result.faultShare() * 100));
        lines.add(String.format(java.util.Locale.ROOT, "  elapsed            %.2f s", result.elapsed().toNanos() / 1e9));
        lines.add(String.format(java.util.Locale.ROOT, "  achieved rate      %.2f msg/s (%.1f%% of the limit)",
                result.achievedPerSecond(), result.shareOfLimit() * 100));
        lines.add("  429 from the limit " + result.throttledByLimit());
        lines.add("  injected 429/5xx   " + result.injected429() + " / " + result.injected5xx());
        lines.add("  delivered          " + result.delivered() + " (redelivered after transient failure: " + result.redeliveries() + ")");
        lines.add("  lost               " + result.lost());
        lines.add("  duplicates         " + result.duplicates());
        lines.add("  spec violations    " + result.invalidRequests());
        return lines;
    }
}

package com.alphacast.bots.wiring;

import com.alphacast.bots.delivery.PlatformSink;
import com.alphacast.bots.delivery.SendPolicy;
import com.alphacast.bots.delivery.SentDeliveryLedger;
import com.alphacast.bots.discord.DiscordRenderer;
import com.alphacast.bots.discord.DiscordTransport;
import com.alphacast.bots.ratelimit.Backoff;
import com.alphacast.bots.ratelimit.Sleeper;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.bots.telegram.TelegramMessageSplitter;
import com.alphacast.bots.telegram.TelegramRenderer;
import com.alphacast.bots.telegram.TelegramTransport;
import com.alphacast.bots.x.XRenderer;
import com.alphacast.bots.x.XTransport;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.ChannelSink;
import com.alphacast.core.publication.ChartArchive;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Builds the sender for each configured channel. One instance per process (a Lambda container), because
 * each sink paces its platform and must be shared by every delivery that process sends.
 *
 * <pre>{@code
 * BotsConfiguration config = BotsConfiguration.fromEnvironment(System.getenv());
 * Map<Channel, ChannelSink> sinks = new ChannelSinks(config, ledger, Clock.systemUTC(), Sleeper.system(),
 *         RandomGenerator.getDefault()).configured();
 * }</pre>
 */
public final class ChannelSinks {

    private final BotsConfiguration configuration;
    private final SentDeliveryLedger ledger;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final BriefingComposer composer;
    private final ChartArchive charts;

    /** Senders that send briefings as text only (no chart is looked up). */
    public ChannelSinks(BotsConfiguration configuration, SentDeliveryLedger ledger, Clock clock, Sleeper sleeper,
                        RandomGenerator random) {
        this(configuration, ledger, publicationId -> Optional.empty(), clock, sleeper, random);
    }

    /**
     * @param charts where briefing charts are read: Telegram sends one as a photo, Discord as the embed's image, X as the
     *               post's media
     */
    public ChannelSinks(BotsConfiguration configuration, SentDeliveryLedger ledger, ChartArchive charts, Clock clock,
                        Sleeper sleeper, RandomGenerator random) {
        this.charts = Objects.requireNonNull(charts, "charts");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.composer = BriefingComposer.standard();
    }

    /** A sink for every channel whose credentials are configured. */
    public Map<Channel, ChannelSink> configured() {
        Map<Channel, ChannelSink> sinks = new EnumMap<>(Channel.class);
        configuration.telegram().ifPresent(settings -> sinks.put(Channel.TELEGRAM, telegram(SendPolicy.telegramDefaults()
                .withAccountLimit(settings.botLimit()).withDestinationLimit(settings.chatLimit()))));
        configuration.discord().ifPresent(settings -> sinks.put(Channel.DISCORD, discord(SendPolicy.discordDefaults())));
        configuration.x().ifPresent(settings -> sinks.put(Channel.X, x(SendPolicy.xDefaults())));
        return sinks;
    }

    public PlatformSink telegram(SendPolicy policy) {
        BotsConfiguration.Telegram settings = configuration.telegram()
                .orElseThrow(() -> new IllegalStateException("Telegram is not configured: set TELEGRAM_BOT_TOKEN"));
        TelegramRenderer renderer = new TelegramRenderer(composer, new TelegramMessageSplitter(), settings.upgradeUrl(), charts);
        return new PlatformSink(renderer, TelegramTransport.create(settings.botToken(), settings.apiBase(), configuration.timeout()),
                ledger, policy, backoff(), clock, sleeper);
    }

    public PlatformSink discord(SendPolicy policy) {
        BotsConfiguration.Discord settings = configuration.discord()
                .orElseThrow(() -> new IllegalStateException("Discord is not configured: set DISCORD_WEBHOOKS or DISCORD_BOT_TOKEN"));
        return new PlatformSink(new DiscordRenderer(composer, charts),
                DiscordTransport.create(settings.apiBase(), settings.botToken(), settings.webhookTokens(), configuration.timeout()),
                ledger, policy, backoff(), clock, sleeper);
    }

    public PlatformSink x(SendPolicy policy) {
        BotsConfiguration.X settings = configuration.x()
                .orElseThrow(() -> new IllegalStateException("X is not configured: set X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_TOKEN_SECRET"));
        return new PlatformSink(new XRenderer(composer, settings.link(), charts),
                XTransport.create(settings.apiBase(), settings.credentials(), configuration.timeout(), clock),
                ledger, policy, backoff(), clock, sleeper);
    }

    private Backoff backoff() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), random);
    }
}

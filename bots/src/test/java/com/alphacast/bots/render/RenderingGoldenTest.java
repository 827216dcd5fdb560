package com.alphacast.bots.render;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.GoldenFiles;
import com.alphacast.bots.SpecCheck;
import static org.assertj.core.api.Assertions.assertThat;
import com.alphacast.bots.discord.DiscordRenderer;
import com.alphacast.bots.telegram.TelegramRenderer;
import com.alphacast.bots.x.XRenderer;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.Publication;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every announcement kind on every platform and tier, compared with reviewed golden files. */
class RenderingGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BriefingComposer composer = BriefingComposer.standard();
    private final TelegramRenderer telegram = new TelegramRenderer(composer,
            new com.alphacast.bots.telegram.TelegramMessageSplitter(), Optional.of("https://t.me/AlphacastBot?start=subscribe"));
    private final DiscordRenderer discord = new DiscordRenderer(composer);
    private final XRenderer x = new XRenderer(composer, Optional.of("https://alphacast.example/subscribe"));

    /** Every publication kind; updates also threaded under their signal's message where the platform allows. */
    static Stream<Arguments> cases() {
        Map<String, Publication> publications = Map.ofEntries(
                Map.entry("signal-long-es", new Publication.NewSignal(Fixtures.longEs())),
                Map.entry("signal-hostile-short", new Publication.NewSignal(Fixtures.hostileShort())),
                Map.entry("fill-buy", new Publication.Filled(Fixtures.buyFill(), "ES")),
                Map.entry("target-hit-win", new Publication.TargetHit(Fixtures.winningExit())),
                Map.entry("stop-hit-hostile-loss", new Publication.StopHit(Fixtures.losingShortExit())),
                Map.entry("closed-manual", new Publication.Closed(Fixtures.manualExit())),
                Map.entry("stop-moved", Fixtures.stopToBreakEven()),
                Map.entry("recap-day", Fixtures.dayRecap()),
                Map.entry("morning-briefing", Fixtures.morningBriefing(false)));
        return publications.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(entry -> Stream.of(Tier.values()).flatMap(tier -> {
                    Stream<Arguments> alone = Stream.of(Arguments.of(entry.getKey(), entry.getValue(), tier, Optional.empty()));
                    // The sender's reference of the signal's message at this destination (chat 123456789, message 42).
                    return entry.getValue().follows().isPresent()
                            ? Stream.concat(alone, Stream.of(Arguments.of(entry.getKey() + "-threaded", entry.getValue(),
                                    tier, Optional.of("123456789:42"))))
                            : alone;
                }));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void telegramMatchesGolden(String name, Publication publication, Tier tier, Optional<String> inReplyTo)
            throws Exception {
        List<PlatformRequest> requests = telegram.requestsFor(publication, tier, "123456789", inReplyTo);
        requests.forEach(request -> assertThat(SpecCheck.telegram(request)).as("Bot API violations").isEmpty());
        GoldenFiles.assertMatches("telegram/" + name + "-" + tier.key() + ".json", JSON.writeValueAsString(requests) + "\n");
    }

    /** Webhooks cannot reply, so a threaded update goes to a channel (bot token). */
    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void discordMatchesGolden(String name, Publication publication, Tier tier, Optional<String> inReplyTo)
            throws Exception {
        String destination = inReplyTo.isPresent() ? "channel:1234567890124" : "webhook:1234567890123";
        List<PlatformRequest> requests = discord.requestsFor(publication, tier, destination, inReplyTo);
        requests.forEach(request -> assertThat(SpecCheck.discord(request)).as("Discord OpenAPI violations").isEmpty());
        GoldenFiles.assertMatches("discord/" + name + "-" + tier.key() + ".json", JSON.writeValueAsString(requests) + "\n");
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void xMatchesGolden(String name, Publication publication, Tier tier, Optional<String> inReplyTo) throws Exception {
        PlatformRequest request = x.requestsFor(publication, tier, "alphacast", inReplyTo).get(0);
        assertThat(SpecCheck.x(request)).as("X OpenAPI violations").isEmpty();
        String text = request.body().get("text").asText();
        String reply = request.body().path("reply").path("in_reply_to_tweet_id").asText("");
        GoldenFiles.assertMatches("x/" + name + "-" + tier.key() + ".txt",
                text + "\n" + (reply.isEmpty() ? "" : "-- in reply to " + reply + "\n"));
    }
}

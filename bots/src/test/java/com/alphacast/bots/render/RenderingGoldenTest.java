package com.alphacast.bots.render;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.GoldenFiles;
import com.alphacast.bots.SpecCheck;
import static org.assertj.core.api.Assertions.assertThat;
import com.alphacast.bots.discord.DiscordRenderer;
import com.alphacast.bots.telegram.TelegramRenderer;
import com.alphacast.bots.x.XRenderer;
import com.alphacast.core.distribution.Tier;
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

    static Stream<Arguments> cases() {
        Map<String, Announcement> announcements = Map.of(
                "signal-long-es", new Announcement.NewSignal(Fixtures.longEs()),
                "signal-hostile-short", new Announcement.NewSignal(Fixtures.hostileShort()),
                "fill-buy", new Announcement.Filled(Fixtures.buyFill(), "ES"),
                "exit-win", new Announcement.Closed(Fixtures.winningExit()),
                "exit-hostile-loss", new Announcement.Closed(Fixtures.losingShortExit()),
                "report-week", new Announcement.Report(Fixtures.weekReport()));
        return announcements.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(entry -> Stream.of(Tier.values())
                        .map(tier -> Arguments.of(entry.getKey(), entry.getValue(), tier)));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void telegramMatchesGolden(String name, Announcement announcement, Tier tier) throws Exception {
        List<PlatformRequest> requests = telegram.requestsFor(announcement, tier, "123456789");
        requests.forEach(request -> assertThat(SpecCheck.telegram(request)).as("Bot API violations").isEmpty());
        GoldenFiles.assertMatches("telegram/" + name + "-" + tier.key() + ".json", JSON.writeValueAsString(requests) + "\n");
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void discordMatchesGolden(String name, Announcement announcement, Tier tier) throws Exception {
        List<PlatformRequest> requests = discord.requestsFor(announcement, tier, "webhook:1234567890123");
        requests.forEach(request -> assertThat(SpecCheck.discord(request)).as("Discord OpenAPI violations").isEmpty());
        GoldenFiles.assertMatches("discord/" + name + "-" + tier.key() + ".json", JSON.writeValueAsString(requests) + "\n");
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void xMatchesGolden(String name, Announcement announcement, Tier tier) {
        PlatformRequest request = x.requestsFor(announcement, tier, "alphacast").get(0);
        assertThat(SpecCheck.x(request)).as("X OpenAPI violations").isEmpty();
        String text = request.body().get("text").asText();
        GoldenFiles.assertMatches("x/" + name + "-" + tier.key() + ".txt", text + "\n");
    }
}

package com.alphacast.bots.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.bots.Fixtures;
import com.alphacast.core.publication.Publication;
import com.alphacast.bots.render.PlatformRequest;
import com.alphacast.core.distribution.Tier;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordRendererTest {

    private final DiscordRenderer renderer = DiscordRenderer.standard();

    @Test
    void colourFollowsSideAndOutcome() {
        assertThat(embed(new Publication.NewSignal(Fixtures.longEs()), Tier.PREMIUM).get("color").asInt()).isEqualTo(0x2ECC71);
        assertThat(embed(new Publication.NewSignal(Fixtures.hostileShort()), Tier.PREMIUM).get("color").asInt()).isEqualTo(0xE74C3C);
        assertThat(embed(new Publication.TargetHit(Fixtures.winningExit()), Tier.FREE).get("color").asInt()).isEqualTo(0x27AE60);
        assertThat(embed(new Publication.StopHit(Fixtures.losingShortExit()), Tier.FREE).get("color").asInt()).isEqualTo(0xC0392B);
    }

    @Test
    void hugeRationaleIsCutToStayWithinEveryEmbedLimit() {
        String rationale = "*bold* \\ _x_ ".repeat(2000);
        JsonNode embed = embed(new Publication.NewSignal(Fixtures.withRationale(rationale)), Tier.PREMIUM);
        int total = embed.get("title").asText().length() + embed.get("description").asText().length()
                + embed.get("footer").get("text").asText().length();
        for (JsonNode field : embed.get("fields")) {
            total += field.get("name").asText().length() + field.get("value").asText().length();
        }
        assertThat(embed.get("description").asText().length()).isLessThanOrEqualTo(4096);
        assertThat(embed.get("description").asText()).endsWith("…");
        assertThat(total).isLessThanOrEqualTo(6000);
    }

    @Test
    void mentionsAreDisabledAndMarkdownEscaped() {
        PlatformRequest request = renderer.requestsFor(new Publication.NewSignal(Fixtures.hostileShort()), Tier.PREMIUM,
                "channel:987654321").get(0);
        assertThat(request.path()).isEqualTo("/channels/987654321/messages");
        assertThat(request.body().get("allowed_mentions").get("parse")).isEmpty();
        assertThat(request.body().get("embeds").get(0).get("description").asText()).contains("\\*spiking\\*");
    }

    @Test
    void rejectsMalformedDestinationNamingIt() {
        assertThatThrownBy(() -> renderer.requestsFor(new Publication.NewSignal(Fixtures.longEs()), Tier.BASIC,
                "https://discord.com/api/webhooks/1/secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://discord.com/api/webhooks/1/secret");
    }

    @Test
    void basicEmbedHasNoPremiumDetail() {
        JsonNode embed = embed(new Publication.NewSignal(Fixtures.longEs()), Tier.BASIC);
        assertThat(embed.toString()).doesNotContain("ESZ6", "4998", "5040.5", "Dealer", "5012.25");
    }

    private JsonNode embed(Publication announcement, Tier tier) {
        List<PlatformRequest> requests = renderer.requestsFor(announcement, tier, "webhook:1");
        assertThat(requests).hasSize(1);
        return requests.get(0).body().get("embeds").get(0);
    }
}

package com.alphacast.bots.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.Fixtures;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.distribution.Tier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

class TelegramRendererTest {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-z]+)>");
    private final TelegramRenderer renderer = TelegramRenderer.standard();

    @Test
    void escapesEveryInsertedValueButKeepsTemplateTags() {
        String text = single(Fixtures.hostileShort(), Tier.PREMIUM);
        assertThat(text).contains("SPY&lt;&amp;&gt;&quot;").contains("&lt;/i&gt;&lt;b&gt;").contains("<b>655.50</b>");
        assertThat(visible(text)).contains("Call wall <660> & \"put\"");
        assertBalanced(text);
    }

    @Test
    void splitsLongRationaleIntoChunksWithinLimitWithoutCuttingEntities() {
        StringBuilder rationale = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            rationale.append("word").append(i).append(" <&> ");
        }
        rationale.append('\n').append("x".repeat(9000)).append(" 🟢🟢🟢");
        List<SendMessage> messages = renderer.messagesFor(
                new Publication.NewSignal(Fixtures.withRationale(rationale.toString())), Tier.PREMIUM, "42");

        assertThat(messages).hasSizeGreaterThan(3);
        StringBuilder all = new StringBuilder();
        for (SendMessage message : messages) {
            assertBalanced(message.getText());
            String visible = visible(message.getText());
            assertThat(visible.length()).isBetween(1, TelegramMessageSplitter.TEXT_LIMIT);
            assertThat(Character.isHighSurrogate(visible.charAt(visible.length() - 1))).isFalse();
            all.append(visible).append(' ');
        }
        for (int i = 0; i < 1500; i += 97) {
            assertThat(all).contains("word" + i + " <&>");
        }
        assertThat(all.toString().replaceAll("[^x]", "")).hasSize(9000);
        assertThat(all).contains("🟢🟢🟢").contains("Strategy gamma-flip");
    }

    @Test
    void basicTierShowsZoneButNoPremiumDetail() {
        String text = single(Fixtures.longEs(), Tier.BASIC);
        assertThat(visible(text)).contains("BUY ES (bullish)", "Entry zone: 5010.825 – 5013.675")
                .doesNotContain("ESZ6", "4998", "5040.5", "72", "Dealer gamma", "5012.25");
    }

    @Test
    void freeTierGetsOnlyATeaser() {
        String text = visible(single(Fixtures.longEs(), Tier.FREE));
        assertThat(text).contains("New ES signal").doesNotContain("BUY", "bullish", "5012", "ESZ6", "Dealer");
    }

    private String single(com.alphacast.core.signal.Signal signal, Tier tier) {
        List<SendMessage> messages = renderer.messagesFor(new Publication.NewSignal(signal), tier, "42");
        assertThat(messages).hasSize(1);
        return messages.get(0).getText();
    }

    /** The text after entity parsing: tags removed and the five HTML entities decoded. */
    static String visible(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    static void assertBalanced(String html) {
        Deque<String> open = new ArrayDeque<>();
        Matcher matcher = TAG.matcher(html);
        while (matcher.find()) {
            if (matcher.group(1).isEmpty()) {
                assertThat(open).as("nested entity in %s", html).isEmpty();
                open.push(matcher.group(2));
            } else {
                assertThat(open.poll()).as("closing tag in %s", html).isEqualTo(matcher.group(2));
            }
        }
        assertThat(open).as("unclosed tags").isEmpty();
        assertThat(html.replaceAll("<(/?)(b|i|code)>", "")).doesNotContain("<", ">");
    }
}

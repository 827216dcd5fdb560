package com.alphacast.bots.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ToneTest {

    @Test
    void everyToneHasItsOwnEmojiSharedByAllPlatforms() {
        assertThat(Arrays.stream(Tone.values()).map(Tone::emoji)).doesNotHaveDuplicates().allMatch(emoji -> !emoji.isBlank());
        assertThat(Tone.BULLISH.emoji()).isEqualTo("🟢");
        assertThat(Tone.LOSS.emoji()).isEqualTo("❌");
    }
}

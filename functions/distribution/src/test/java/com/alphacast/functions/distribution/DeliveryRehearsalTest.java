package com.alphacast.functions.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.core.settings.DistributionSettings;
import com.alphacast.core.settings.TierPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryRehearsalTest {

    private static final Path CONFIG = Path.of(System.getProperty("alphacast.project.root", "../..")).resolve("config");

    @Test
    void rendersEveryReleaseOfASignalToEveryDestinationOfEveryTierAndLeavesNothingBehind(@TempDir Path scratch)
            throws Exception {
        DistributionSettings settings = new SettingsLoader(Optional.of(CONFIG)).load("load").distribution();
        DeliveryRehearsal rehearsal = new DeliveryRehearsal(new JsonCodec(), settings, publicationId -> Optional.empty(),
                scratch);
        int destinations = settings.tiers().values().stream().map(TierPolicy::destinations)
                .mapToInt(byChannel -> byChannel.values().stream().mapToInt(List::size).sum()).sum();

        int first = rehearsal.rehearse();
        int second = rehearsal.rehearse();

        // the signal, its fill and its exit, to each destination, every round
        assertThat(destinations).isPositive();
        assertThat(first).isEqualTo(3 * destinations);
        assertThat(second).isEqualTo(first);
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).as("scratch outboxes are deleted after each round").isEmpty();
        }
    }
}

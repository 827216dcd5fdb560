package com.alphacast.aws.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.fuzz.FuzzTries;
import com.alphacast.core.fuzz.InputMutator;
import com.alphacast.core.settings.AlphacastSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Mutated shipped settings profiles: each try loads settings that pass every documented rule, or fails with a
 * {@link ConfigException} naming the file, in one short terminal-safe line. Nothing else may escape. Each profile
 * gets 1 to 5 mutations ({@code core}'s {@link InputMutator}); the seeds are fixed ({@link FuzzTries}).
 */
class SettingsFuzzTest {

    private static final Path CONFIG = Path.of(System.getProperty("alphacast.project.root", "..")).resolve("config");
    private static final String DEMO = read("demo.yaml");
    private static final String PRODUCTION = read("production.yaml");

    private static String read(String name) {
        try {
            return Files.readString(CONFIG.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void mutatedProfilesLoadValidSettingsOrFailNamingTheFile() {
        new FuzzTries("mutated settings profile", 40_000, 300)
                .check(random -> InputMutator.mutate(random.nextBoolean() ? PRODUCTION : DEMO, random, random.nextInt(1, 6)),
                        this::loadsValidSettingsOrFailsNamingTheFile);
    }

    private void loadsValidSettingsOrFailsNamingTheFile(String text) {
        long started = System.nanoTime();
        try {
            AlphacastSettings s = new SettingsLoader(java.util.Optional.empty()).parse("fuzz", "config/fuzz.yaml", text);
            assertThat(s.risk().maxOpenPositions()).isBetween(0, 100_000);
            assertThat(s.market().tickSize()).isPositive().isFinite();
            assertThat(s.market().symbol()).isNotBlank();
            assertThat(s.distribution().outboxDirectory()).startsWith(".alphacast/");
            s.distribution().tiers().values().forEach(t -> assertThat(t.delaySeconds()).isBetween(0, 900));
        } catch (ConfigException e) {
            assertThat(e.getMessage()).startsWith("config/fuzz.yaml: ").hasSizeLessThan(1_000);
            assertThat(e.getMessage().chars().noneMatch(c -> c == 0x1b || c == 0x9b)).as(e.getMessage()).isTrue();
        }
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(2.0);
    }
}

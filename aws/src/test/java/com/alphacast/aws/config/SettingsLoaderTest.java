package com.alphacast.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.ChannelSettings;
import com.alphacast.core.settings.WorkerStrategies;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsLoaderTest {

    private static final Path CONFIG = Path.of(System.getProperty("alphacast.project.root", "..")).resolve("config");
    private final SettingsLoader loader = new SettingsLoader(Optional.of(CONFIG));

    @Test
    void loadsTheShippedDemoProfile() {
        AlphacastSettings demo = loader.load("demo");
        assertThat(demo.risk().maxOpenPositions()).isEqualTo(2);
        assertThat(demo.worker().strategies().profile()).contains("technical");
        assertThat(demo.distribution().tiers().get(Tier.PREMIUM).delaySeconds()).isZero();
        assertThat(demo.distribution().tiers().get(Tier.FREE).destinations()).containsKeys(Channel.TELEGRAM, Channel.X);
        assertThat(demo.distribution().channels().get(Channel.TELEGRAM).sink()).isEqualTo(ChannelSettings.SinkKind.OUTBOX);
    }

    @Test
    void loadsTheShippedProductionProfileWithSecretReferencesOnly() {
        AlphacastSettings production = loader.load("production");
        assertThat(production.distribution().channels().get(Channel.TELEGRAM).credentialRef())
                .contains("ssm:${TELEGRAM_BOT_TOKEN_PARAMETER}");
    }

    @Test
    void missingKeysTakeTheDocumentedDefaults() {
        AlphacastSettings settings = loader.parse("t", "t.yaml", "risk:\n  maxOpenPositions: 7\n");
        assertThat(settings.risk().maxOpenPositions()).isEqualTo(7);
        assertThat(settings.risk().maxSignalsPerDay()).isEqualTo(10);
        assertThat(settings.distribution().tiers().get(Tier.BASIC).delaySeconds()).isEqualTo(300);
    }

    @Test
    void productionFollowsBinanceLiveAndNamesNoReplayFile() {
        AlphacastSettings production = loader.load("production");
        assertThat(production.replay().hasFile()).isFalse();
        assertThat(production.worker().symbols()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(production.worker().instruments().get(0).sources()).containsExactly("binance-spot", "binance-futures");
        assertThat(production.worker().instruments().get(0).lotSize()).isEqualTo(0.00001);
    }

    @Test
    void withoutWorkerInstrumentsTheWorkerFollowsTheMarketFromAReplay() {
        AlphacastSettings settings = loader.parse("t", "t.yaml", "market:\n  symbol: NQ\n  instrument: NQZ5\n");
        assertThat(settings.worker().instruments()).singleElement().satisfies(i -> {
            assertThat(i.symbol()).isEqualTo("NQ");
            assertThat(i.instrument()).isEqualTo("NQZ5");
            assertThat(i.sources()).containsExactly("replay");
        });
    }

    @Test
    void aBadWorkerInstrumentSettingStopsLoadingNamingTheKeyAndFile() {
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                "worker:\n  instruments:\n    BTCUSDT:\n      lotSzie: 0.001\n"))
                .hasMessageContaining("config/t.yaml").hasMessageContaining("worker.instruments.BTCUSDT.lotSzie");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                "worker:\n  instruments:\n    BTCUSDT:\n      depthProtocol: coin\n"))
                .hasMessageContaining("worker.instruments.BTCUSDT.depthProtocol").hasMessageContaining("spot, futures");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                "worker:\n  instruments:\n    BTCUSDT:\n      sources: [binance-spot, binance-spot]\n"))
                .hasMessageContaining("worker.instruments.BTCUSDT.sources").hasMessageContaining("twice");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                "worker:\n  instruments:\n    BTCUSDT:\n      regimeLow: 0.5\n      regimeHigh: 0.2\n"))
                .hasMessageContaining("worker.instruments.BTCUSDT.regimeHigh");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "worker:\n  ioQueueCapacity: 0\n"))
                .hasMessageContaining("worker.ioQueueCapacity");
    }

    @Test
    void workerStrategiesNameAProfileAndTheCalendarItsWindowsAreReadIn() {
        AlphacastSettings settings = loader.parse("t", "t.yaml",
                "worker:\n  strategies:\n    profile: technical\n    exchange: XCME\n");
        assertThat(settings.worker().strategies().profile()).contains("technical");
        assertThat(settings.worker().strategies().exchange()).isEqualTo(Exchange.XCME);

        AlphacastSettings none = loader.parse("t", "t.yaml", "risk:\n  maxOpenPositions: 2\n");
        assertThat(none.worker().strategies()).isEqualTo(WorkerStrategies.VOLUME_SPIKE_ONLY);
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                "worker:\n  strategies:\n    exchange: LSE\n"))
                .hasMessageContaining("worker.strategies.exchange").hasMessageContaining("xnys, xnas, xcme");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                "worker:\n  strategies:\n    profile: Fast Money\n"))
                .hasMessageContaining("worker.strategies.profile");
    }

    @Test
    void anUnknownStrategyProfileStopsTheWorkerListingTheKnownOnes() {
        Map<String, String> environment = Map.of(SettingsLoader.CONFIG_DIR_VARIABLE, CONFIG.toString());
        StrategyProfilesLoader profiles = new StrategyProfilesLoader();

        assertThat(profiles.load(environment, "scalping").order()).contains("institutional-flow");
        assertThatThrownBy(() -> profiles.load(environment, "yolo"))
                .hasMessageContaining("strategy-profiles.yaml").hasMessageContaining("no strategy profile 'yolo'")
                .hasMessageContaining("conservative");
    }

    @Test
    void anInstrumentsChainSourceIsReadWithItsDefaultsAndTurnsChainAnalyticsOn() {
        AlphacastSettings settings = loader.parse("t", "config/t.yaml", """
                worker:
                  instruments:
                    ES:
                      chain:
                        underlying: _SPX
                    SPY:
                      chain: {source: cboe, underlying: SPY, intervalSeconds: 120}
                    NQ: {}
                """);
        assertThat(settings.worker().instruments().get(0).chain()).hasValueSatisfying(c -> {
            assertThat(c.source()).isEqualTo("cboe");
            assertThat(c.underlying()).isEqualTo("_SPX");
            assertThat(c.underlyingName()).isEqualTo("SPX");
            assertThat(c.interval()).isEqualTo(java.time.Duration.ofSeconds(60));
        });
        assertThat(settings.worker().instruments().get(0).hasOptionChain()).isTrue();
        assertThat(settings.worker().instruments().get(1).chain().orElseThrow().interval())
                .isEqualTo(java.time.Duration.ofSeconds(120));
        assertThat(settings.worker().instruments().get(2).chain()).isEmpty();
        assertThat(settings.worker().instruments().get(2).hasOptionChain()).isFalse();
    }

    @Test
    void aBadChainSettingStopsLoadingNamingTheKeyAndFile() {
        String head = "worker:\n  instruments:\n    SPY:\n      chain:\n";
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", head + "        underlying: SPY\n        sorce: cboe\n"))
                .hasMessage("config/t.yaml: unknown key 'worker.instruments.SPY.chain.sorce'");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", head + "        source: yahoo\n        underlying: SPY\n"))
                .hasMessageContaining("config/t.yaml: worker.instruments.SPY.chain.source").hasMessageContaining("cboe");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", head + "        intervalSeconds: 60\n"))
                .hasMessageContaining("worker.instruments.SPY.chain.underlying: required");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", head + "        underlying: spy\n"))
                .hasMessageContaining("worker.instruments.SPY.chain.underlying: must be a CBOE symbol");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                head + "        underlying: SPY\n        intervalSeconds: 5\n"))
                .hasMessageContaining("worker.instruments.SPY.chain.intervalSeconds: must be within 15..86400, got 5");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                "worker:\n  instruments:\n    SPY:\n      optionChain: false\n      chain: {underlying: SPY}\n"))
                .hasMessageContaining("worker.instruments.SPY.optionChain");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "worker:\n  instruments:\n    SPY:\n      chain: SPY\n"))
                .hasMessageContaining("worker.instruments.SPY.chain: expected a mapping");
    }

    @Test
    void unknownKeyStopsLoadingNamingTheKeyAndFile() {
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "risk:\n  maxOpenPositons: 3\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config/t.yaml: unknown key 'risk.maxOpenPositons'");
    }

    @Test
    void aTopLevelKeyYamlReadsAsANumberIsAnUnknownKeyNotACrash() {
        // Found by SettingsFuzzTest: the top level was cast to a map of text keys, so "1:" threw ClassCastException.
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "risk:\n  maxOpenPositions: 3\n1: x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config/t.yaml: unknown key '1'");
    }

    @Test
    void optionFillRulesAreReadFromBrokerOptionsWithDefaultsForWhatIsLeftOut() {
        AlphacastSettings settings = loader.parse("t", "t.yaml",
                "broker:\n  options:\n    maxSpreadFraction: 0.10\n    zeroDteExitMinutesBeforeClose: 30\n");
        AlphacastSettings defaults = loader.parse("t", "t.yaml", "");

        assertThat(settings.broker().options())
                .isEqualTo(new com.alphacast.core.broker.options.OptionFillRules(1, 0.10, 100, 30));
        assertThat(defaults.broker().options())
                .isEqualTo(new com.alphacast.core.broker.options.OptionFillRules(1, 0.25, 100, 15));
    }

    @Test
    void aBadOptionFillRuleStopsLoadingNamingTheKeyAndFile() {
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                "broker:\n  options:\n    zeroDteExitMinutesBeforeClose: 400\n"))
                .hasMessage("config/t.yaml: broker.options.zeroDteExitMinutesBeforeClose: must be within 0..390, got 400");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                "broker:\n  options:\n    minOpenInterest: -1\n"))
                .hasMessageContaining("broker.options.minOpenInterest");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                "broker:\n  options:\n    maxSpread: 0.1\n"))
                .hasMessageContaining("broker.options.maxSpread");
    }

    @Test
    void badValueStopsLoadingNamingTheKeyAndFile() {
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "risk:\n  maxOpenPositions: many\n"))
                .hasMessage("config/t.yaml: risk.maxOpenPositions: expected a whole number, got text 'many'");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                "distribution:\n  tiers:\n    basic:\n      delaySeconds: 1200\n"))
                .hasMessage("config/t.yaml: distribution.tiers.basic.delaySeconds: must be within 0..900, got 1200");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "distribution:\n  tiers:\n    gold: {}\n"))
                .hasMessageContaining("distribution.tiers.gold: unknown tier 'gold'");
    }

    @Test
    void aKeyWrittenWithoutValueIsAnErrorNotTheDefault() {
        for (String empty : new String[] {"~", "null", ""}) {
            assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "risk:\n  maxOpenPositions: " + empty + "\n"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("config/t.yaml: risk.maxOpenPositions: has no value (null); give a value or remove the "
                            + "key to use the default");
        }
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "market:\n  symbol: ''\n"))
                .hasMessage("config/t.yaml: market.symbol: must not be empty");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "risk:\n"))
                .hasMessageStartingWith("config/t.yaml: risk: has no value (null)");
    }

    @Test
    void aScalarOfTheWrongTypeIsRefusedNotCoerced() {
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "market:\n  symbol: yes\n"))
                .hasMessage("config/t.yaml: market.symbol: expected text, got a boolean 'true' (quote it if you mean "
                        + "the text)");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "risk:\n  maxQuantity: \"5\"\n"))
                .hasMessage("config/t.yaml: risk.maxQuantity: expected a whole number, got text '5'");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "risk:\n  maxQuantity: 5.0\n"))
                .hasMessageContaining("expected a whole number, got a number '5.0'");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "market:\n  tickSize: true\n"))
                .hasMessageContaining("market.tickSize: expected a number, got a boolean 'true'");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "market:\n  tickSize: .nan\n"))
                .hasMessageContaining("market.tickSize: must be within");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "market:\n  sessionOpen: 18:00\n"))
                .as("YAML 1.1 reads an unquoted 18:00 as the number 1080").hasMessageContaining("expected text");
    }

    @Test
    void aSettingsFileThatIsNotUtf8IsNamedInsteadOfInputLength1(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        java.nio.file.Files.write(dir.resolve("latin.yaml"),
                "market:\n  instrument: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new SettingsLoader(Optional.of(dir)).load("latin"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(dir.resolve("latin.yaml") + ": not valid UTF-8 text; save the settings file as UTF-8");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "risk:\n  maxQuantity: 5\n  maxQuantity: 50\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("maxQuantity");
    }

    @Test
    void theOutboxMustBeARelativeDirectoryInsideDotAlphacast() {
        for (String bad : new String[] {".", "/tmp/outbox", "..", "../outbox", ".alphacast", ".alphacast/../data",
            "data/outbox", "./.alphacast/../../x"}) {
            assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                    "distribution:\n  outboxDirectory: \"" + bad + "\"\n"))
                    .as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("config/t.yaml: distribution.outboxDirectory: must ");
        }
        assertThat(loader.parse("t", "t.yaml", "distribution:\n  outboxDirectory: .alphacast/outbox-2\n")
                .distribution().outboxDirectory()).isEqualTo(".alphacast/outbox-2");
    }

    @Test
    void literalSecretInAFileIsRefused() {
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                "distribution:\n  channels:\n    telegram:\n      sink: live\n      credential: 123456:ABCdef\n"))
                .hasMessageContaining("distribution.channels.telegram.credential: secrets must be references");
    }

    @Test
    void liveSinkWithoutCredentialIsRefused() {
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                "distribution:\n  channels:\n    x:\n      sink: live\n"))
                .hasMessageContaining("distribution.channels.x.credential: a live x sink needs a credential reference");
    }

    @Test
    void missingProfileFileIsNamed() {
        assertThatThrownBy(() -> loader.load("staging"))
                .hasMessageContaining("staging.yaml: no such settings file for profile 'staging'");
    }

    @Test
    void secretReferencesResolveFromTheEnvironmentAndNameWhatIsMissing() {
        SecretResolver secrets = new SecretResolver(Map.of("BOT_TOKEN", "123:abc"), () -> {
            throw new AssertionError("no SSM call expected");
        }, () -> {
            throw new AssertionError("no Secrets Manager call expected");
        });
        assertThat(secrets.resolve("env:BOT_TOKEN")).isEqualTo("123:abc");
        assertThatThrownBy(() -> secrets.resolve("env:NOPE")).hasMessageContaining("environment variable NOPE is not set");
        assertThatThrownBy(() -> secrets.resolve("ssm:${PARAM}")).hasMessageContaining("PARAM is not set");
    }

    @Test
    void subscriptionPlansArePricedInStarsPerTierAndPeriod() {
        AlphacastSettings demo = loader.load("demo");
        assertThat(demo.subscriptions().prices().find(Tier.PREMIUM, 30))
                .contains(new com.alphacast.core.subscription.Plan(Tier.PREMIUM, 30, 500));
        assertThat(demo.subscriptions().accessOf(Tier.PREMIUM).telegramChat()).contains("-1001000000001");
        assertThat(demo.subscriptions().tierOfChat("-1001000000002")).contains(Tier.BASIC);
        assertThat(loader.parse("t", "t.yaml", "risk:\n  maxQuantity: 5\n").subscriptions().prices().plans()).isEmpty();
    }

    @Test
    void unknownTierOrNonPositivePriceIsRefusedNamingKeyAndFile() {
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "subscriptions:\n  plans:\n    gold:\n      30d: 500\n"))
                .hasMessageContaining("config/t.yaml: subscriptions.plans.gold: unknown tier 'gold'");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "subscriptions:\n  plans:\n    free:\n      30d: 5\n"))
                .hasMessageContaining("config/t.yaml: subscriptions.plans.free: the free tier is not sold");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "subscriptions:\n  plans:\n    premium:\n      30d: 0\n"))
                .hasMessageContaining("config/t.yaml: subscriptions.plans.premium.30d: a price is a positive number of Telegram Stars");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "subscriptions:\n  plans:\n    premium:\n      30d: -5\n"))
                .hasMessageContaining("subscriptions.plans.premium.30d: a price is a positive number");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml", "subscriptions:\n  plans:\n    premium:\n      month: 5\n"))
                .hasMessageContaining("subscriptions.plans.premium.month: a period is a number of days like 30d");
        assertThatThrownBy(() -> loader.parse("t", "config/t.yaml",
                "subscriptions:\n  access:\n    premium:\n      discordRole: \"1\"\n"))
                .hasMessageContaining("config/t.yaml: subscriptions.discordGuild: tier roles");
    }
}

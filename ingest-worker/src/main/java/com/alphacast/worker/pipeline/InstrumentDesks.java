package com.alphacast.worker.pipeline;

import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.MarketSettings;
import com.alphacast.core.strategy.ConflictResolver;
import com.alphacast.core.strategy.StrategyCatalog;
import com.alphacast.core.strategy.StrategyDesk;
import com.alphacast.core.strategy.StrategyProfile;
import com.alphacast.core.strategy.volumespike.VolumeSpikeStrategy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one {@link StrategyDesk} per configured instrument: the instrument's volume spike (settings
 * {@code strategy.volumeSpike}) plus, when {@code worker.strategies.profile} names one, the profile's strategies
 * with the profile's conflict resolver. Desks keep state (cool-downs, standing signals), so every session opens
 * fresh ones. The profile's parameters are validated when this is built, so a bad profile stops the worker at start.
 */
public final class InstrumentDesks {

    private final AlphacastSettings settings;
    private final Optional<StrategyProfile> profile;
    private final StrategyCatalog catalog;

    public InstrumentDesks(AlphacastSettings settings, Optional<StrategyProfile> profile, StrategyCatalog catalog) {
        this.settings = settings;
        this.profile = profile;
        this.catalog = catalog;
        profile.ifPresent(catalog::build);
    }

    /** Fresh desks, keyed by feed symbol. */
    public Map<String, StrategyDesk> open() {
        Map<String, StrategyDesk> desks = new HashMap<>();
        settings.worker().instruments().forEach(instrument -> {
            MarketSettings market = instrument.market(settings.market(), settings.market().contractMultiplier());
            VolumeSpikeStrategy spike = new VolumeSpikeStrategy(market, settings.volumeSpike());
            desks.put(instrument.symbol(), profile
                    .map(p -> StrategyDesk.of(p, catalog, List.of(spike)))
                    // alone, the spike's own cool-down is its only limit: a zero window never rejects it
                    .orElseGet(() -> new StrategyDesk(List.of(spike), new ConflictResolver(Duration.ZERO, List.of())))
                    // the profile's strategies read the feed symbol; orders go to the configured contract, on its tick
                    .tradedAs(market.instrument(), market.tickSize()));
        });
        return desks;
    }

    public Optional<StrategyProfile> profile() {
        return profile;
    }
}

package com.alphacast.worker;

import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.worker.pipeline.MarketPipeline;
import com.alphacast.worker.replay.ReplayReport;
import com.alphacast.worker.replay.TradeReplay;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Runs the configured recorded session through a fresh market pipeline. */
@Singleton
public class ReplaySession {

    private final AlphacastSettings settings;
    private final WorkerEnvironment environment;
    private final TradeReplay replay;
    private final BeanProvider<MarketPipeline> pipelines;

    public ReplaySession(AlphacastSettings settings, WorkerEnvironment environment, TradeReplay replay,
                         BeanProvider<MarketPipeline> pipelines) {
        this.settings = settings;
        this.environment = environment;
        this.replay = replay;
        this.pipelines = pipelines;
    }

    public ReplayReport run() {
        return run(settings.replay().multiplier());
    }

    public ReplayReport run(double speedMultiplier) {
        Path file = environment.home().resolve(settings.replay().file());
        return replay.replay(file, speedMultiplier, pipelines.get());
    }
}

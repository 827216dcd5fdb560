package com.alphacast.core.strategy;

import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.options.gex.GammaExposure;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a profile's calendar-bound strategies by name, validating every parameter at start. The volume spike is
 * not built here: it is configured per instrument by the worker's settings ({@code strategy.volumeSpike}).
 */
public final class StrategyCatalog {

    public static final List<String> NAMES = List.of(ZeroDteGammaStrategy.NAME, OneDteMomentumStrategy.NAME,
            UnusualFlowStrategy.NAME, MocPinStrategy.NAME, OptionsEvStrategy.NAME, InstitutionalFlowStrategy.NAME);

    private final MarketCalendar calendar;
    private final GammaExposure exposure;

    public StrategyCatalog(MarketCalendar calendar, GammaExposure exposure) {
        this.calendar = calendar;
        this.exposure = exposure;
    }

    /** The profile's strategies in its order; an unknown name or parameter fails naming the file and key. */
    public List<Strategy> build(StrategyProfile profile) {
        List<Strategy> strategies = new ArrayList<>();
        for (String name : profile.order()) {
            StrategyParameters parameters = profile.parametersOf(name);
            strategies.add(switch (name) {
                case ZeroDteGammaStrategy.NAME -> new ZeroDteGammaStrategy(calendar, parameters);
                case OneDteMomentumStrategy.NAME -> new OneDteMomentumStrategy(calendar, parameters);
                case UnusualFlowStrategy.NAME -> new UnusualFlowStrategy(calendar, parameters);
                case MocPinStrategy.NAME -> new MocPinStrategy(calendar, exposure, parameters);
                case OptionsEvStrategy.NAME -> new OptionsEvStrategy(calendar, parameters);
                case InstitutionalFlowStrategy.NAME -> new InstitutionalFlowStrategy(calendar, parameters);
                default -> throw new IllegalArgumentException(profile.source() + ": profiles." + profile.name()
                        + ".order names unknown strategy '" + name + "'; known: " + NAMES);
            });
        }
        return strategies;
    }
}

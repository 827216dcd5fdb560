package com.alphacast.functions.morning.chart;

import com.alphacast.core.briefing.BriefingInputs;
import com.alphacast.core.briefing.FactIds;
import com.alphacast.core.briefing.FactSheet;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.options.gex.GexReport;
import com.alphacast.core.usecase.briefing.ChartPainter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ChartPainter} of the morning use case: GEX by strike from the chain the facts were computed from,
 * the prior session's bars (one point per bar close), and as key levels exactly the price facts the briefing
 * cites (prior high, low and close, zero gamma, the walls), each at its display value. Absent facts are not drawn.
 */
public final class FactsChartPainter implements ChartPainter {

    private static final List<String> LEVELS = List.of(FactIds.PRIOR_HIGH, FactIds.PRIOR_LOW, FactIds.PRIOR_CLOSE,
            FactIds.GEX_ZERO_GAMMA, FactIds.GEX_CALL_WALL, FactIds.GEX_PUT_WALL);

    private final BriefingChart chart;
    private final GammaExposure gex;

    public FactsChartPainter(BriefingChart chart, GexConvention convention) {
        this.chart = Objects.requireNonNull(chart, "chart");
        this.gex = new GammaExposure(Objects.requireNonNull(convention, "convention"));
    }

    @Override
    public Optional<byte[]> paint(FactSheet facts, BriefingInputs inputs) {
        Optional<GexReport> report = inputs.chain().map(chain -> gex.report(chain, 5));
        List<PricePoint> prices = inputs.priorSessionBars().stream()
                .map(bar -> new PricePoint(bar.start(), bar.close())).toList();
        List<KeyLevel> levels = new ArrayList<>();
        for (String id : LEVELS) {
            facts.quantity(id).ifPresent(level -> levels.add(new KeyLevel(level.label(), level.rounded().doubleValue())));
        }
        return chart.png(facts.instrument() + " " + facts.sessionDate(), report, prices, levels);
    }
}

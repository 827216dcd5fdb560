package com.alphacast.functions.morning;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.briefing.BriefingFacts;
import com.alphacast.core.briefing.BriefingFactsConfig;
import com.alphacast.core.briefing.BriefingInputs;
import com.alphacast.core.briefing.FactSheet;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.functions.morning.chart.BriefingChart;
import com.alphacast.functions.morning.chart.FactsChartPainter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FactsChartPainterTest {

    private final MarketCalendar nyse = new ShippedCalendars().calendar(Exchange.XNYS);
    private final FactsChartPainter painter = new FactsChartPainter(new BriefingChart(0.05, ZoneId.of("America/New_York")),
            GexConvention.DEFAULT);

    private BriefingInputs inputs(boolean withChain) {
        LocalDate day = LocalDate.of(2026, 11, 27);
        return new BriefingInputs("SPY", nyse.session(day).orElseThrow(), nyse.previousSession(day), List.of(), List.of(),
                List.of(), OptionalDouble.empty(), List.of(),
                withChain ? Optional.of(SpyChain.load().chain()) : Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void paintsTheShippedSpyChainsGexAsAPng() throws Exception {
        BriefingInputs in = inputs(true);
        FactSheet facts = new BriefingFacts(BriefingFactsConfig.standard()).compute(in);

        byte[] png = painter.paint(facts, in).orElseThrow();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(420); // no prior-session bars stored: the price panel is left out
    }

    @Test
    void withNeitherChainNorBarsThereIsNoChart() {
        BriefingInputs in = inputs(false);
        FactSheet facts = new BriefingFacts(BriefingFactsConfig.standard()).compute(in);

        assertThat(painter.paint(facts, in)).isEmpty();
    }
}

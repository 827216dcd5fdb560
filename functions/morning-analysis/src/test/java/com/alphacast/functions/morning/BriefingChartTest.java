package com.alphacast.functions.morning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.feed.trades.TradeRow;
import com.alphacast.core.fixtures.EsTrades;
import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.options.gex.GexReport;
import com.alphacast.functions.morning.chart.BriefingChart;
import com.alphacast.functions.morning.chart.KeyLevel;
import com.alphacast.functions.morning.chart.PricePoint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BriefingChartTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final BriefingChart chart = new BriefingChart(0.05, NEW_YORK);
    private final GexReport spy = new GammaExposure(GexConvention.DEFAULT).report(SpyChain.load().chain(), 5);

    /** One price a minute from the real ES session (the demo's). */
    private static List<PricePoint> esMinutes() {
        List<PricePoint> points = new ArrayList<>();
        long minute = -1;
        for (TradeRow row : EsTrades.session()) {
            long at = row.trade().epochMillis() / 60_000;
            if (at != minute) {
                points.add(new PricePoint(Instant.ofEpochMilli(row.trade().epochMillis()), row.trade().price()));
                minute = at;
            }
        }
        return points;
    }

    @Test
    void drawsGexAroundSpotAndThePriorSessionAsAPngThatDecodes() throws Exception {
        List<PricePoint> session = esMinutes();
        double close = session.get(session.size() - 1).price();

        Optional<byte[]> png = chart.png("Pre-market briefing", Optional.of(spy), session,
                List.of(new KeyLevel("prior close", close), new KeyLevel("prior high", close + 6)));

        assertThat(png).isPresent();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.get()));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(840);
        assertThat(distinctColours(image)).isGreaterThan(20);
        Path written = Files.createTempFile("briefing-chart", ".png");
        Files.write(written, png.get());
        assertThat(ImageIO.read(written.toFile())).isNotNull();
    }

    @Test
    void wallsAreTheStrikesWithTheLargestCallAndPutGex() {
        double callWall = BriefingChart.callWall(spy).orElseThrow();
        double putWall = BriefingChart.putWall(spy).orElseThrow();

        assertThat(spy.byStrike()).allSatisfy(strike -> {
            assertThat(strike.callGex()).isLessThanOrEqualTo(spy.byStrike().stream()
                    .filter(s -> s.strike() == callWall).findFirst().orElseThrow().callGex());
            assertThat(Math.abs(strike.putGex())).isLessThanOrEqualTo(Math.abs(spy.byStrike().stream()
                    .filter(s -> s.strike() == putWall).findFirst().orElseThrow().putGex()));
        });
    }

    @Test
    void leavesOutAMissingPanelAndDrawsNothingWithoutData() throws Exception {
        byte[] gexOnly = chart.png("Pre-market briefing", Optional.of(spy), List.of(), List.of()).orElseThrow();

        assertThat(ImageIO.read(new ByteArrayInputStream(gexOnly)).getHeight()).isEqualTo(420);
        assertThat(chart.png("Pre-market briefing", Optional.empty(), List.of(), List.of())).isEmpty();
        assertThatThrownBy(() -> new KeyLevel("call wall", Double.NaN)).hasMessageContaining("call wall");
        assertThatThrownBy(() -> new BriefingChart(1.5, NEW_YORK)).hasMessageContaining("strike window");
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}

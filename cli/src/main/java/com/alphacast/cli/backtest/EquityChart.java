package com.alphacast.cli.backtest;

import com.alphacast.core.backtest.ClosedTrade;
import com.alphacast.core.backtest.EquityCurve;
import com.alphacast.core.backtest.StrategyResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The equity-curve PNG: cumulative realized P&amp;L over market time (the exchange's zone), overall and per strategy
 * with trades, as steps (P&amp;L changes only when a trade closes). Drawn headless at a fixed size with
 * antialiasing off, and nothing in it depends on when it was drawn.
 */
final class EquityChart {

    static final int WIDTH = 1200;
    static final int HEIGHT = 600;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    private EquityChart() {
    }

    static byte[] png(BacktestRun run) {
        TimeZone zone = TimeZone.getTimeZone(run.zone());
        TimeSeriesCollection series = new TimeSeriesCollection(zone);
        series.addSeries(series("all", run.report().curve(), zone));
        for (StrategyResult result : run.report().strategies()) {
            List<ClosedTrade> mine = run.report().trades().stream()
                    .filter(t -> t.strategy().equals(result.strategy())).toList();
            if (!mine.isEmpty()) {
                series.addSeries(series(result.strategy(), EquityCurve.of(mine), zone));
            }
        }
        DateAxis time = new DateAxis("market time (" + run.zone().getId() + ")");
        time.setTimeZone(zone);
        time.setLocale(Locale.ROOT);
        NumberAxis pnl = new NumberAxis("cumulative P&L");
        pnl.setAutoRangeIncludesZero(true);
        XYStepRenderer steps = new XYStepRenderer();
        for (int i = 0; i < series.getSeriesCount(); i++) {
            steps.setSeriesPaint(i, i == 0 ? Color.BLACK : PALETTE[(i - 1) % PALETTE.length]);
            steps.setSeriesStroke(i, new BasicStroke(i == 0 ? 2.5f : 1.5f));
        }
        XYPlot plot = new XYPlot(series, time, pnl, steps);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(0.8f)));
        String title = String.format(Locale.ROOT, "Backtest equity: %s, %d trades, P&L %.2f", run.data(),
                run.report().overall().trades(), run.report().overall().pnl());
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(false);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, WIDTH, HEIGHT);
            chart.draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the equity chart as PNG", e);
        }
        return out.toByteArray();
    }

    private static TimeSeries series(String name, EquityCurve curve, TimeZone zone) {
        TimeSeries series = new TimeSeries(name);
        for (EquityCurve.Point point : curve.points()) {
            series.addOrUpdate(new Millisecond(Date.from(point.time()), zone, Locale.ROOT), point.equity());
        }
        return series;
    }
}

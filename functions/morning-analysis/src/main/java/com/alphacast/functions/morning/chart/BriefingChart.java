package com.alphacast.functions.morning.chart;

import com.alphacast.core.options.gex.GexReport;
import com.alphacast.core.options.gex.StrikeExposure;
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
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The briefing's chart, a PNG drawn headless with JFreeChart: on top, net GEX by strike around spot (bars, in
 * billions of dollars per 1% move) with spot, zero gamma, the call wall and the put wall marked; below, the
 * prior session's price with the briefing's key levels. A panel whose data is missing is left out; with
 * neither there is no chart.
 */
public final class BriefingChart {

    private static final int WIDTH = 1200;
    private static final int PANEL_HEIGHT = 420;
    private static final Color SPOT = new Color(0x1f77b4);
    private static final Color ZERO_GAMMA = new Color(0x7f7f7f);
    private static final Color CALL_WALL = new Color(0x2ca02c);
    private static final Color PUT_WALL = new Color(0xd62728);

    private final double strikeWindow;
    private final ZoneId exchangeZone;

    /**
     * @param strikeWindow share of spot shown either side of it (0.05 = strikes within ±5% of spot)
     * @param exchangeZone zone the price panel's times are shown in
     */
    public BriefingChart(double strikeWindow, ZoneId exchangeZone) {
        if (!(strikeWindow > 0 && strikeWindow < 1)) {
            throw new IllegalArgumentException("strike window must be in (0, 1), was " + strikeWindow);
        }
        this.strikeWindow = strikeWindow;
        this.exchangeZone = Objects.requireNonNull(exchangeZone, "exchangeZone");
    }

    /** The PNG, or empty when there is neither a chain nor a prior session to draw. */
    public Optional<byte[]> png(String title, Optional<GexReport> gex, List<PricePoint> priorSession, List<KeyLevel> levels) {
        List<JFreeChart> panels = new java.util.ArrayList<>();
        gex.filter(report -> !report.byStrike().isEmpty()).ifPresent(report -> panels.add(gexPanel(title, report)));
        if (!priorSession.isEmpty()) {
            panels.add(pricePanel(priorSession, levels));
        }
        if (panels.isEmpty()) {
            return Optional.empty();
        }
        BufferedImage image = new BufferedImage(WIDTH, PANEL_HEIGHT * panels.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < panels.size(); i++) {
                panels.get(i).draw(graphics, new Rectangle2D.Double(0, (double) i * PANEL_HEIGHT, WIDTH, PANEL_HEIGHT));
            }
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the briefing chart as PNG", e);
        }
        return Optional.of(out.toByteArray());
    }

    /** The strike with the largest call GEX (where dealers' call hedging caps moves). */
    public static Optional<Double> callWall(GexReport report) {
        return report.byStrike().stream().filter(s -> s.callGex() > 0)
                .max(Comparator.comparingDouble(StrikeExposure::callGex)).map(StrikeExposure::strike);
    }

    /** The strike with the largest put GEX in size (where dealers' put hedging supports prices). */
    public static Optional<Double> putWall(GexReport report) {
        return report.byStrike().stream().filter(s -> s.putGex() != 0)
                .max(Comparator.comparingDouble(s -> Math.abs(s.putGex()))).map(StrikeExposure::strike);
    }

    private JFreeChart gexPanel(String title, GexReport report) {
        double low = report.spot() * (1 - strikeWindow);
        double high = report.spot() * (1 + strikeWindow);
        XYSeries net = new XYSeries("net GEX ($bn per 1% move)");
        report.byStrike().stream().filter(s -> s.strike() >= low && s.strike() <= high)
                .forEach(s -> net.add(s.strike(), s.netGex() / 1e9));
        NumberAxis strikes = new NumberAxis("strike");
        strikes.setAutoRangeIncludesZero(false);
        strikes.setRange(low, high);
        NumberAxis exposure = new NumberAxis("net GEX, $bn per 1%");
        XYBarRenderer bars = new XYBarRenderer(0.1);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x4c72b0));
        XYPlot plot = new XYPlot(new XYSeriesCollection(net), strikes, exposure, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(0.8f)));
        // Each label on its own line: spot, zero gamma and the walls are often a strike or two apart.
        List<ValueMarker> markers = new java.util.ArrayList<>();
        markers.add(marker("spot " + price(report.spot()), report.spot(), SPOT));
        report.zeroGamma().level().ifPresent(level -> markers.add(marker("zero gamma " + price(level), level, ZERO_GAMMA)));
        callWall(report).ifPresent(strike -> markers.add(marker("call wall " + price(strike), strike, CALL_WALL)));
        putWall(report).ifPresent(strike -> markers.add(marker("put wall " + price(strike), strike, PUT_WALL)));
        for (int i = 0; i < markers.size(); i++) {
            markers.get(i).setLabelOffset(new RectangleInsets(4 + 16 * i, 4, 4, 4));
            plot.addDomainMarker(markers.get(i));
        }
        JFreeChart chart = new JFreeChart(title + " — GEX by strike, " + report.underlying() + " as of " + report.asOf(),
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private JFreeChart pricePanel(List<PricePoint> priorSession, List<KeyLevel> levels) {
        TimeSeries prices = new TimeSeries("price");
        TimeZone zone = TimeZone.getTimeZone(exchangeZone);
        for (PricePoint point : priorSession) {
            prices.addOrUpdate(new Millisecond(java.util.Date.from(point.at()), zone, java.util.Locale.ROOT), point.price());
        }
        DateAxis time = new DateAxis("prior session (" + exchangeZone.getId() + ")");
        time.setTimeZone(zone);
        NumberAxis price = new NumberAxis("price");
        price.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, Color.DARK_GRAY);
        XYPlot plot = new XYPlot(new TimeSeriesCollection(prices), time, price, line);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        double lowest = priorSession.stream().mapToDouble(PricePoint::price).min().orElseThrow();
        double highest = priorSession.stream().mapToDouble(PricePoint::price).max().orElseThrow();
        for (KeyLevel level : levels) {
            lowest = Math.min(lowest, level.price());
            highest = Math.max(highest, level.price());
            ValueMarker marker = marker(level.label() + " " + price(level.price()), level.price(), colour(level.label()));
            marker.setLabelAnchor(RectangleAnchor.LEFT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(marker);
        }
        double margin = Math.max((highest - lowest) * 0.05, highest * 0.001);
        price.setRange(lowest - margin, highest + margin);
        JFreeChart chart = new JFreeChart("Prior session with key levels", new Font(Font.SANS_SERIF, Font.BOLD, 16),
                plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static Color colour(String label) {
        String lower = label.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("call")) {
            return CALL_WALL;
        }
        if (lower.contains("put")) {
            return PUT_WALL;
        }
        if (lower.contains("zero")) {
            return ZERO_GAMMA;
        }
        return SPOT;
    }

    private static ValueMarker marker(String label, double value, Color colour) {
        ValueMarker marker = new ValueMarker(value, colour, new BasicStroke(1.6f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelPaint(colour);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return marker;
    }

    private static String price(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}

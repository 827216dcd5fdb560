package com.alphacast.cli.backtest;

import com.alphacast.core.backtest.ClosedTrade;
import com.alphacast.core.backtest.EquityCurve;
import com.alphacast.core.backtest.PerformanceMetrics;
import com.alphacast.core.backtest.StrategyResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The report as JSON: fields in a fixed order, figures rounded to fixed decimals (HALF_EVEN), no run time and no
 * absolute paths inside the data folder, so the same data gives the same bytes. NaN (no value) is null.
 */
final class BacktestJson {

    static final String SHARPE = "per trade, not annualised: mean(R) / sample sd(R) over closed trades; null under 2 trades";
    static final String EXPOSURE = "fraction of observed bars (distinct bar intervals, extended hours included) with a position open";
    static final String FILLS = "paper broker: the signal bar's close plus slippage ticks against the trader; exits on the "
            + "first later bar reaching stop or target (both in one bar: the stop); still open at the end: marked at the last price";
    static final String SALE_CONDITIONS = "Lean ticks: suspicious prints and average-price, derivatively-priced, prior-reference, "
            + "out-of-sequence, sold-last, cash, next-day, seller, stock-option, official open/close and odd-lot prints dropped";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BacktestJson() {
    }

    static String render(BacktestRun run) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("data", run.data());
        ArrayNode recordings = root.putArray("recordings");
        run.recordings().forEach(recordings::add);
        root.put("settingsProfile", run.settingsProfile());
        if (run.strategyProfile().isPresent()) {
            root.put("strategyProfile", run.strategyProfile().get());
        } else {
            root.putNull("strategyProfile");
        }
        ArrayNode strategies = root.putArray("strategies");
        run.strategies().forEach(strategies::add);
        putDate(root, "from", run.from());
        putDate(root, "to", run.to());
        ArrayNode instruments = root.putArray("instruments");
        run.instruments().forEach(instruments::add);
        root.put("barsObserved", run.report().barsObserved());
        ObjectNode conventions = root.putObject("conventions");
        conventions.put("sharpe", SHARPE);
        conventions.put("exposure", EXPOSURE);
        conventions.put("fills", FILLS);
        conventions.put("saleConditions", SALE_CONDITIONS);
        ObjectNode dropped = root.putObject("droppedPrints");
        dropped.put("prints", run.dropped().prints());
        dropped.put("volume", run.dropped().volume());
        ObjectNode reasons = dropped.putObject("byReason");
        run.dropped().byReason().forEach(reasons::put);
        metrics(root.putObject("overall"), run.report().overall());
        ObjectNode byStrategy = root.putObject("byStrategy");
        for (StrategyResult result : run.report().strategies()) {
            metrics(byStrategy.putObject(result.strategy()), result.metrics());
        }
        ObjectNode setAside = root.putObject("setAside");
        run.report().setAside().forEach(setAside::put);
        ArrayNode trades = root.putArray("trades");
        for (ClosedTrade trade : run.report().trades()) {
            ObjectNode t = trades.addObject();
            t.put("signal", trade.signalId());
            t.put("strategy", trade.strategy());
            t.put("instrument", trade.underlying());
            t.put("direction", trade.direction().name());
            t.put("quantity", trade.quantity());
            put(t, "entry", trade.entry(), 4);
            put(t, "exit", trade.exit(), 4);
            t.put("openedAt", trade.openedAt().toString());
            t.put("closedAt", trade.closedAt().toString());
            t.put("exitReason", trade.exitReason());
            put(t, "pnl", trade.pnl(), 2);
            put(t, "r", trade.rMultiple(), 4);
        }
        ArrayNode curve = root.putArray("equityCurve");
        for (EquityCurve.Point point : run.report().curve().points()) {
            ObjectNode p = curve.addObject();
            p.put("time", point.time().toString());
            put(p, "equity", point.equity(), 2);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the backtest report", e);
        }
    }

    private static void metrics(ObjectNode node, PerformanceMetrics m) {
        node.put("signals", m.signals());
        node.put("approved", m.approved());
        node.put("trades", m.trades());
        node.put("wins", m.wins());
        put(node, "winRate", m.winRate(), 4);
        put(node, "averageR", m.averageR(), 4);
        put(node, "pnl", m.pnl(), 2);
        put(node, "maxDrawdown", m.maxDrawdown(), 2);
        put(node, "sharpe", m.sharpe(), 4);
        put(node, "exposure", m.exposure(), 4);
    }

    private static void put(ObjectNode node, String name, double value, int decimals) {
        if (Double.isFinite(value)) {
            node.put(name, BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN));
        } else {
            node.putNull(name);
        }
    }

    private static void putDate(ObjectNode node, String name, java.time.LocalDate date) {
        if (date == null) {
            node.putNull(name);
        } else {
            node.put(name, date.toString());
        }
    }
}

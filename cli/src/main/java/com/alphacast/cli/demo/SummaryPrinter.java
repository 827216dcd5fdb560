package com.alphacast.cli.demo;

import com.alphacast.aws.distribution.DeliveryRecord;
import com.alphacast.aws.trading.DynamoTradingLedger.ClosedPosition;
import com.alphacast.aws.trading.DynamoTradingLedger.Execution;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Position;
import com.alphacast.localcloud.function.FunctionStats;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints the demo summary for people. */
final class SummaryPrinter {

    private final PrintStream out;

    SummaryPrinter(PrintStream out) {
        this.out = out;
    }

    private static String millis(long value) {
        return value < 0 ? "-" : Long.toString(value);
    }

    void print(PipelineSummary s) {
        var replay = s.replay();
        out.println();
        out.println("== Market replay");
        out.printf(Locale.ROOT, "  %s%n", replay.source());
        out.printf(Locale.ROOT, "  events replayed: %,d   malformed lines: %d   bars: %d   candidate signals: %d   "
                        + "(feed and analytics %.2f s, every write done %.2f s)%n",
                replay.events(), replay.malformedLines(), replay.bars(), replay.signals(),
                replay.feedElapsed().toMillis() / 1000.0, replay.elapsed().toMillis() / 1000.0);
        out.printf(Locale.ROOT, "  worker I/O: %d snapshots written, %d signals sent in %d batches; queue depth max %d of %d, "
                        + "%d snapshots dropped, %d signal waits, %d writes failed%n",
                replay.io().snapshotsWritten(), replay.io().signalsSent(), replay.io().batches(),
                replay.io().maxQueueDepth(), replay.io().capacity(), replay.io().snapshotsDropped(),
                replay.io().signalBlocks(), replay.io().failedWrites());
        out.printf(Locale.ROOT, "  held back by a strategy conflict: %d (recorded in RejectedSignalsTable with the "
                + "winner and the reason; %d written)%n", replay.heldBack(), replay.io().rejectionsWritten());
        replay.malformed().forEach(line -> out.println("  malformed: " + line));

        long approved = s.decisions().stream().filter(d -> d.decision().approved()).count();
        out.println();
        out.printf(Locale.ROOT, "== Risk check: %d signals, %d approved, %d rejected%n",
                s.decisions().size(), approved, s.decisions().size() - approved);
        for (RecordedDecision d : s.decisions()) {
            Signal signal = d.signal();
            out.printf(Locale.ROOT, "  %-8s %s  %s %d %s @ %.2f stop %.2f target %.2f (confidence %.2f)%n",
                    d.decision().approved() ? "APPROVED" : "REJECTED", signal.id(), signal.direction(),
                    signal.quantity(), signal.instrument(), signal.entry(), signal.stop(), signal.target(),
                    signal.confidence());
            d.decision().reasons().forEach(reason -> out.println("           reason: " + reason));
        }

        out.println();
        out.printf(Locale.ROOT, "== Orders and fills: %d orders, %d fills (broker: paper)%n",
                s.executions().size(), s.executions().size());
        for (Execution e : s.executions()) {
            out.printf(Locale.ROOT, "  %s  %s %d %s filled @ %.2f at %s%n", e.order().orderId(),
                    e.order().side() == Direction.LONG ? "BUY " : "SELL", e.fill().quantity(), e.fill().instrument(),
                    e.fill().price(), e.fill().time());
        }

        out.println();
        double realized = 0;
        out.printf(Locale.ROOT, "== P&L (%.0f USD per point)%n", s.multiplier());
        for (ClosedPosition closed : s.closedPositions()) {
            realized += closed.realizedPnl();
            out.printf(Locale.ROOT, "  closed %-5s %d %s from %.2f at %s %.2f (%s)   %+,10.2f USD%n",
                    closed.position().direction(), closed.position().quantity(), closed.position().instrument(),
                    closed.position().entryPrice(), closed.exit().reason(), closed.exit().price(), closed.exit().time(),
                    closed.realizedPnl());
        }
        double unrealized = 0;
        double mark = s.lastMarket().map(m -> m.lastPrice()).orElse(Double.NaN);
        for (Position position : s.openPositions()) {
            double pnl = position.unrealizedPnl(mark, s.multiplier());
            unrealized += pnl;
            out.printf(Locale.ROOT, "  open   %-5s %d %s from %.2f, marked at %.2f (last replayed price)   %+,10.2f USD%n",
                    position.direction(), position.quantity(), position.instrument(), position.entryPrice(), mark, pnl);
        }
        out.printf(Locale.ROOT, "  realized %+,.2f USD, unrealized %+,.2f USD, total %+,.2f USD%n", realized,
                unrealized, realized + unrealized);

        out.println();
        out.println("== Signal deliveries (latency: market event reached the worker -> delivery recorded; lower tiers are delayed on purpose)");
        out.printf(Locale.ROOT, "  %-8s %-9s %9s %9s %9s %9s%n", "tier", "channel", "delivered", "refused", "p50 ms", "p99 ms");
        for (Tier tier : Tier.values()) {
            for (Channel channel : Channel.values()) {
                List<DeliveryRecord> rows = s.deliveries().stream().filter(d -> d.kind().equals("signal")
                        && d.tier().equals(tier.key()) && d.channel().equals(channel.key())).toList();
                if (rows.isEmpty()) {
                    continue;
                }
                List<Long> latencies = new ArrayList<>(rows.stream().filter(d -> d.status().equals("SENT"))
                        .map(DeliveryRecord::latencyMillis).sorted().toList());
                long refused = rows.stream().filter(d -> d.status().equals("REJECTED")).count();
                out.printf(Locale.ROOT, "  %-8s %-9s %9d %9d %9s %9s%n", tier.key(), channel.key(), latencies.size(),
                        refused, millis(Percentiles.of(latencies, 50)), millis(Percentiles.of(latencies, 99)));
            }
        }
        long pending = s.deliveries().stream().filter(d -> d.status().equals("SENDING")).count();
        if (pending > 0) {
            out.printf(Locale.ROOT, "  %d deliveries still marked SENDING%n", pending);
        }

        new LatencyReport(out).print(s.premiumPaths(), s.replay().bars(), s.replay().feedElapsed());

        printUpdates(out, s);

        out.println();
        out.println("== Outbox (exactly what each platform would have received)");
        for (Path file : s.outboxFiles()) {
            out.println("  " + file.toAbsolutePath());
        }

        out.println();
        out.println("== Functions (invocations, records processed, records failed, execution environments created,"
                + " most running at once) and dead-letter queues");
        for (Map.Entry<String, FunctionStats> f : s.functions().entrySet()) {
            out.printf(Locale.ROOT, "  %-26s %4d invocations %4d records %4d failed %2d cold starts %2d at once%n",
                    f.getKey(), f.getValue().invocations(), f.getValue().records(), f.getValue().failedRecords(),
                    f.getValue().coldStarts(), f.getValue().peakConcurrency());
        }
        s.deadLetters().forEach((queue, count) -> out.printf(Locale.ROOT, "  %-26s %4d messages%n", queue, count));
    }

    /**
     * Every update (fill, target or stop hit, close, recap, briefing) per kind, tier and channel, each delivered after
     * and threaded under its tier's signal.
     */
    private static void printUpdates(PrintStream out, PipelineSummary s) {
        out.println();
        out.println("== Updates (after each tier's own signal, threaded under it)");
        Map<String, long[]> counts = new TreeMap<>();
        for (DeliveryRecord d : s.deliveries()) {
            if (d.kind().equals("signal")) {
                continue;
            }
            long[] row = counts.computeIfAbsent(d.kind() + "\u0000" + Tier.fromKey(d.tier()).ordinal() + "\u0000"
                    + d.tier() + "\u0000" + d.channel(), k -> new long[2]);
            row[d.status().equals("REJECTED") ? 1 : 0]++;
        }
        if (counts.isEmpty()) {
            out.println("  none");
            return;
        }
        out.printf(Locale.ROOT, "  %-12s %-8s %-9s %9s %9s%n", "kind", "tier", "channel", "delivered", "refused");
        counts.forEach((key, row) -> {
            String[] parts = key.split("\u0000");
            out.printf(Locale.ROOT, "  %-12s %-8s %-9s %9d %9d%n", parts[0], parts[2], parts[3], row[0], row[1]);
        });
    }
}

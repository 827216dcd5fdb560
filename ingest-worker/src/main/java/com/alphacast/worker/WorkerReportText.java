package com.alphacast.worker;

import com.alphacast.worker.io.IoStatus;
import com.alphacast.worker.replay.ReplayReport;
import java.util.Locale;

/** The worker's report as operators read it: progress, then the I/O executor's back-pressure. */
public final class WorkerReportText {

    private WorkerReportText() {
    }

    public static String of(ReplayReport report) {
        IoStatus io = report.io();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "replayed %,d events from %s (%d malformed lines), %d bars, %d signals (%d held back by a "
                        + "strategy conflict); feed done in %d ms, all written in %d ms%n"
                        + "io: %d snapshots written, %d signals sent, %d rejections recorded (%d dropped), %d option chains "
                        + "stored, %d batches; "
                        + "queue depth %d (max %d of %d), "
                        + "%d snapshots dropped, %d signal waits (%.1f ms), %d writes failed%s",
                report.events(), report.source(), report.malformedLines(), report.bars(), report.signals(),
                report.heldBack(), report.feedElapsed().toMillis(), report.elapsed().toMillis(),
                io.snapshotsWritten(), io.signalsSent(), io.rejectionsWritten(), io.rejectionsDropped(),
                io.chainsWritten(), io.batches(), io.queueDepth(), io.maxQueueDepth(), io.capacity(), io.snapshotsDropped(),
                io.signalBlocks(), io.blockedNanos() / 1e6, io.failedWrites(),
                io.lastFailure().isEmpty() ? "" : " (last: " + io.lastFailure() + ")"));
        report.malformed().forEach(line -> out.append(System.lineSeparator()).append("  malformed: ").append(line));
        return out.toString();
    }
}

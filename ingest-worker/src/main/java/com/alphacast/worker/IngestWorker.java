package com.alphacast.worker;

import com.alphacast.worker.replay.ReplayReport;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;

/**
 * The ingest worker process. It streams the configured market data through every analytic (a recorded session
 * today; live feed sources plug into the same {@code MarketState}), writes snapshots to DynamoDB and candidate
 * signals to SQS from its I/O executor. Micronaut wires it; {@link #start(Map)} lets the local runner host it
 * in-process.
 */
public final class IngestWorker implements AutoCloseable {

    private final ApplicationContext context;

    private IngestWorker(ApplicationContext context) {
        this.context = context;
    }

    public static IngestWorker start(Map<String, String> environment) {
        ApplicationContext context = ApplicationContext.builder()
                .singletons(new WorkerEnvironment(environment))
                .deduceEnvironment(false)
                .banner(false)
                .start();
        return new IngestWorker(context);
    }

    public ReplayReport replay() {
        return context.getBean(ReplaySession.class).run();
    }

    public ReplayReport replay(double speedMultiplier) {
        return context.getBean(ReplaySession.class).run(speedMultiplier);
    }

    public ReplayReport replay(Path file, double speedMultiplier) {
        return context.getBean(ReplaySession.class).run(file, speedMultiplier);
    }

    @Override
    public void close() {
        context.close();
    }

    /** {@code IngestWorker [--replay PATH]}: without arguments, the profile's replay file. */
    public static void main(String[] args) {
        boolean replayFile = args.length == 2 && args[0].equals("--replay");
        if (args.length > 0 && !replayFile) {
            // --live included: the live sources are the feeds module's, which this build does not contain yet
            System.err.println("usage: IngestWorker [--replay PATH] (got " + String.join(" ", args) + ")");
            System.exit(64);
        }
        try (IngestWorker worker = start(System.getenv())) {
            ReplayReport report = replayFile ? worker.replay(Path.of(args[1]), Double.POSITIVE_INFINITY)
                    : worker.replay();
            System.out.println(WorkerReportText.of(report));
        }
    }
}

package com.alphacast.worker;

import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.worker.replay.ReplayReport;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

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

    /** Starts the configured live sources; the caller closes what it returns to stop them. */
    public LiveSession.Running live() {
        return context.getBean(LiveSession.class).start();
    }

    /**
     * {@code IngestWorker [--replay PATH | --live]}: without arguments, the profile's replay file; {@code --live} runs
     * until the process is stopped (SIGTERM from ECS or Ctrl-C), then closes the sources and drains the writes.
     */
    public static void main(String[] args) {
        boolean replayFile = args.length == 2 && args[0].equals("--replay");
        boolean live = args.length == 1 && args[0].equals("--live");
        if (args.length > 0 && !replayFile && !live) {
            System.err.println("usage: IngestWorker [--replay PATH | --live] (got " + String.join(" ", args) + ")");
            System.exit(64);
        }
        if (live) {
            runLive();
            return;
        }
        try (IngestWorker worker = start(System.getenv())) {
            ReplayReport report = replayFile ? worker.replay(Path.of(args[1]), Double.POSITIVE_INFINITY)
                    : worker.replay();
            System.out.println(WorkerReportText.of(report));
        }
    }

    private static void runLive() {
        IngestWorker worker = start(System.getenv());
        LiveSession.Running running = worker.live();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            worker.close();
            stopped.countDown();
        }, "worker-shutdown"));
        System.out.println("worker live: " + running.supervisor().name() + " routing "
                + worker.context.getBean(AlphacastSettings.class).worker().symbols());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

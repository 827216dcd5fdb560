package com.alphacast.worker;

import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.worker.replay.ReplayReport;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** {@code file} with recorded option chains delivered first (see {@link ReplaySession#run(Path, List, double)}). */
    public ReplayReport replay(Path file, List<Path> chains, double speedMultiplier) {
        return context.getBean(ReplaySession.class).run(file, chains, speedMultiplier);
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
     * {@code IngestWorker [--replay PATH [--chain FILE]... | --live]}: without arguments, the profile's replay file;
     * {@code --chain} adds a recorded option chain to the replay; {@code --live} runs until the process is stopped
     * (SIGTERM from ECS or Ctrl-C), then closes the sources and drains the writes.
     */
    public static void main(String[] args) {
        boolean live = args.length == 1 && args[0].equals("--live");
        Path replayFile = null;
        List<Path> chains = new ArrayList<>();
        boolean usage = false;
        for (int i = 0; !live && i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                usage = true;
            } else if (args[i].equals("--replay") && replayFile == null) {
                replayFile = Path.of(args[i + 1]);
            } else if (args[i].equals("--chain")) {
                chains.add(Path.of(args[i + 1]));
            } else {
                usage = true;
            }
        }
        if (usage || (!chains.isEmpty() && replayFile == null)) {
            System.err.println("usage: IngestWorker [--replay PATH [--chain FILE]... | --live] (got "
                    + String.join(" ", args) + ")");
            System.exit(64);
        }
        if (live) {
            runLive();
            return;
        }
        try (IngestWorker worker = start(System.getenv())) {
            ReplayReport report = replayFile != null
                    ? worker.replay(replayFile, chains, Double.POSITIVE_INFINITY) : worker.replay();
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

package com.alphacast.worker;

import com.alphacast.worker.replay.ReplayReport;
import io.micronaut.context.ApplicationContext;
import java.util.Map;

/**
 * The ingest worker process. It streams the configured market data (today: a recorded session; live feed
 * adapters plug into the same {@code MarketPipeline}), writes snapshots to DynamoDB and candidate signals
 * to SQS. Micronaut wires it; {@link #start(Map)} lets the local runner host it in-process.
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

    @Override
    public void close() {
        context.close();
    }

    public static void main(String[] args) {
        try (IngestWorker worker = start(System.getenv())) {
            ReplayReport report = worker.replay();
            System.out.printf("replayed %d events from %s (%d malformed lines), %d bars, %d signals in %s%n",
                    report.events(), report.source(), report.malformedLines(), report.bars(), report.signals(),
                    report.elapsed());
            report.malformed().forEach(line -> System.out.println("  malformed: " + line));
        }
    }
}

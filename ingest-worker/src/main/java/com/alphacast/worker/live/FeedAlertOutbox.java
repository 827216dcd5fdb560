package com.alphacast.worker.live;

import com.alphacast.core.marketdata.FeedStatus;
import com.alphacast.core.usecase.feed.FeedStatusBoard;
import com.alphacast.feeds.supervisor.FeedAlert;
import com.alphacast.feeds.supervisor.OperatorAlerts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Operator alerts for real: every status change becomes the instrument's record on the status board (the control
 * table), every alert a message in the operator chat, each also in the log. The supervisor calls in on its own thread,
 * which also runs the staleness checks, so the writes run on this outbox's single thread behind a bounded queue: a
 * slow DynamoDB or Telegram call never delays failover, and when the queue is full the newest item is dropped and
 * counted, never waited for. A failed write is logged and counted; the next status replaces it anyway.
 *
 * <p>Each instrument's latest status is also rewritten on a fixed interval ({@link #REFRESH_EVERY}) though nothing
 * changed, so the record's write time shows the worker is alive: /status flags a record not written for five minutes.
 */
public final class FeedAlertOutbox implements OperatorAlerts, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FeedAlertOutbox.class.getName());

    private final FeedStatusBoard board;
    private final Optional<OperatorChat> chat;
    private final ThreadPoolExecutor executor;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    /** The default rewrite interval of every instrument's latest status (the bots' /status flags five missed ones). */
    public static final Duration REFRESH_EVERY = Duration.ofMinutes(1);

    private final Map<String, FeedStatus> latest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher;

    /**
     * @param chat     the operator chat, or empty when none is configured (said once here, then alerts are logged only)
     * @param capacity writes that may wait for the outbox thread
     */
    public FeedAlertOutbox(FeedStatusBoard board, Optional<OperatorChat> chat, int capacity) {
        this(board, chat, capacity, REFRESH_EVERY);
    }

    /** @param refreshEvery how often every instrument's latest status is rewritten unchanged */
    public FeedAlertOutbox(FeedStatusBoard board, Optional<OperatorChat> chat, int capacity, Duration refreshEvery) {
        if (refreshEvery.isNegative() || refreshEvery.isZero()) {
            throw new IllegalArgumentException("feed status refresh interval must be positive, was " + refreshEvery);
        }
        this.board = Objects.requireNonNull(board, "board");
        this.chat = Objects.requireNonNull(chat, "chat");
        if (capacity < 1) {
            throw new IllegalArgumentException("feed alert outbox capacity must be at least 1, was " + capacity);
        }
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                r -> {
                    Thread t = new Thread(r, "feed-alerts");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-status-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refresh, refreshEvery.toMillis(), refreshEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        if (chat.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "no operator chat configured (subscriptions.operatorChat and a live "
                    + "Telegram channel): feed alerts go to the log and the control table only");
        }
    }

    @Override
    public void alert(FeedAlert alert) {
        String text = text(alert);
        LOG.log(alert.kind() == FeedAlert.Kind.SILENCED || alert.kind() == FeedAlert.Kind.FAILOVER
                ? System.Logger.Level.WARNING : System.Logger.Level.INFO, text);
        chat.ifPresent(c -> submit("chat message " + alert.kind() + " " + alert.instrument(), () -> c.post(text)));
    }

    @Override
    public void status(FeedStatus status) {
        latest.merge(status.instrument(), status, (held, given) -> given.sinceNanos() >= held.sinceNanos() ? given : held);
        submit("status of " + status.instrument(), () -> board.publish(status));
    }

    /**
     * Rewrites every instrument's latest status, unchanged, through the outbox thread (the board keeps a newer one if
     * a change got there first). Runs on the interval; callable directly.
     */
    public void refresh() {
        for (FeedStatus status : List.copyOf(latest.values())) {
            submit("refresh of " + status.instrument(), () -> board.publish(status));
        }
    }

    /** The operator-chat message for {@code alert}: what happened, to which instrument, from and to which source. */
    static String text(FeedAlert alert) {
        String what = switch (alert.kind()) {
            case FAILOVER -> "failed over from " + alert.fromSource() + " to " + alert.toSource();
            case TAKEN_BACK -> "primary " + alert.toSource() + " taken back from " + alert.fromSource();
            case SILENCED -> "no live source: strategies silent (last " + alert.fromSource() + ")";
            case RESTORED -> "live again on " + alert.toSource();
        };
        return "Feed " + alert.kind() + " " + alert.instrument() + ": " + what + ". Reason: " + alert.reason()
                + " (" + Instant.ofEpochSecond(0, alert.atNanos()) + ")";
    }

    private void submit(String what, Runnable write) {
        try {
            executor.execute(() -> {
                try {
                    write.run();
                    delivered.incrementAndGet();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    LOG.log(System.Logger.Level.WARNING, "feed alert outbox: " + what + " failed: " + e.getMessage());
                }
            });
        } catch (RejectedExecutionException full) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 100 == 0) {
                LOG.log(System.Logger.Level.WARNING, "feed alert outbox full: " + what + " dropped (" + n
                        + " dropped so far)");
            }
        }
    }

    /** Writes dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Writes that failed (logged). */
    public long failed() {
        return failed.get();
    }

    /** Writes done. */
    public long delivered() {
        return delivered.get();
    }

    /** Delivers what is queued (up to five seconds), then stops the outbox thread. */
    @Override
    public void close() {
        refresher.shutdownNow();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

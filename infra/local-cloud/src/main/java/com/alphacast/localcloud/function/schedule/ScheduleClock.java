package com.alphacast.localcloud.function.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The time every ScheduleV2 schedule of a stack runs on. Tests and the demo set it and move it forward:
 * {@link #advanceTo} fires every occurrence due up to the target, in time order (ties in the order the schedules
 * started), synchronously, and returns what fired. Under {@code cloud up} it follows the wall clock
 * ({@link #followWallClock}). It only ever moves forward, except by {@link #setTo}, which fires nothing.
 */
public final class ScheduleClock extends Clock implements AutoCloseable {

    private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(250);

    private final List<ScheduleRunner> schedules = new ArrayList<>();
    private Instant now;
    private Thread follower;
    private volatile boolean following;

    public ScheduleClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the schedule clock is UTC; schedules carry their own zones");
    }

    /**
     * Moves the clock to {@code target}, firing every due occurrence on the way in time order.
     *
     * @throws IllegalArgumentException when {@code target} is before the clock's time
     */
    public synchronized List<ScheduleFiring> advanceTo(Instant target) {
        if (target.isBefore(now)) {
            throw new IllegalArgumentException("the schedule clock moves forward only: it reads " + now
                    + ", asked for " + target + " (setTo moves it without firing)");
        }
        List<ScheduleFiring> fired = new ArrayList<>();
        while (true) {
            ScheduleRunner next = null;
            for (ScheduleRunner schedule : schedules) {
                Optional<Instant> due = schedule.nextDue();
                if (due.isPresent() && !due.get().isAfter(target)
                        && (next == null || due.get().isBefore(next.nextDue().orElseThrow()))) {
                    next = schedule;
                }
            }
            if (next == null) {
                break;
            }
            now = next.nextDue().orElseThrow();
            fired.add(next.fire(now));
        }
        now = target;
        return List.copyOf(fired);
    }

    public List<ScheduleFiring> advanceBy(Duration duration) {
        synchronized (this) {
            return advanceTo(now.plus(duration));
        }
    }

    /** Puts the clock at {@code time} without firing anything; every schedule next fires at its first occurrence after it. */
    public synchronized void setTo(Instant time) {
        now = time;
        schedules.forEach(schedule -> schedule.scheduleAfter(time));
    }

    /** From now on the clock keeps up with {@code wall}, firing what falls due (what {@code cloud up} runs on). */
    public synchronized void followWallClock(Clock wall) {
        if (following) {
            return;
        }
        following = true;
        Instant start = wall.instant();
        if (start.isAfter(now)) {
            setTo(start);
        }
        follower = new Thread(() -> {
            while (following) {
                Instant target = wall.instant();
                synchronized (this) {
                    if (following && target.isAfter(now)) {
                        advanceTo(target);
                    }
                }
                try {
                    Thread.sleep(FOLLOW_INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "schedule-clock");
        follower.setDaemon(true);
        follower.start();
    }

    /** Running schedules with their next fire time, in the order they started. */
    public synchronized List<ScheduleListing> schedules() {
        return schedules.stream().map(s -> new ScheduleListing(s.source().functionLogicalId(), s.source().eventName(),
                s.source().expression(), s.source().zone(), s.nextDue())).toList();
    }

    synchronized void register(ScheduleRunner schedule) {
        schedules.add(schedule);
        schedule.scheduleAfter(now);
    }

    synchronized void unregister(ScheduleRunner schedule) {
        schedules.remove(schedule);
    }

    /** Stops following the wall clock; waits for an occurrence being fired to finish. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            following = false;
            running = follower;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

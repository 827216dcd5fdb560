package com.alphacast.core.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Trading days and session times of one exchange, from its holiday snapshot and its regular hours.
 * <ul>
 *   <li>NYSE and Nasdaq: 09:30–16:00 New York time; early closes at the time the snapshot names (13:00).</li>
 *   <li>CME Globex equity-index futures: the session for day D opens at 17:00 CT (18:00 ET) the evening before
 *       and closes at 16:00 CT (17:00 ET) on D, so 17:00–18:00 ET is the daily break and Monday's session opens on
 *       Sunday evening. On a day the snapshot says the market pauses, it halts at that time (12:00 CT = 13:00 ET),
 *       except that when the NYSE closes early the same day the futures halt 15 minutes after the cash close
 *       (13:15 ET), as CME's equity-index schedule (and Lean's market-hours database) has it.</li>
 * </ul>
 * Saturdays and Sundays are never trading days. A date outside the years the snapshot covers is refused rather
 * than assumed open.
 */
public final class MarketCalendar {

    /** CME equity-index futures stop this long after the NYSE's early close. */
    static final Duration CME_AFTER_CASH_EARLY_CLOSE = Duration.ofMinutes(15);

    private static final long DAY_MILLIS = 86_400_000L;
    /** Recently asked days' bounds, slot = epoch day mod size: a replay or live feed asks about the same few days. */
    private static final int RECENT_DAYS = 16;

    private final Exchange exchange;
    private final LocalTime open;
    private final boolean opensEveningBefore;
    private final LocalTime close;
    private final Map<LocalDate, String> closures = new HashMap<>();
    private final Map<LocalDate, EarlyClose> earlyCloses = new HashMap<>();
    private final LocalDate first;
    private final LocalDate last;
    /** Start of the first covered day and of the day after the last, in the exchange's zone, epoch ms. */
    private final long coveredFromMillis;
    private final long coveredUntilMillis;
    // Each day's bounds are computed once (from session(date)) and kept until a day 16 days away takes the slot. An
    // entry is immutable and the array publishes it safely: feed threads of several instruments share the calendar.
    private final AtomicReferenceArray<SessionBounds> recentDays = new AtomicReferenceArray<>(RECENT_DAYS);

    private record EarlyClose(LocalTime at, String reason) {
    }

    private MarketCalendar(Exchange exchange, LocalTime open, boolean opensEveningBefore, LocalTime close,
                           List<HolidayEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(exchange + ": a calendar needs its holiday entries");
        }
        this.exchange = exchange;
        this.open = open;
        this.opensEveningBefore = opensEveningBefore;
        this.close = close;
        for (HolidayEntry entry : entries) {
            if (entry.isClosure()) {
                closures.put(entry.date(), entry.name());
            } else {
                earlyCloses.put(entry.date(), new EarlyClose(entry.earlyClose().orElseThrow(), entry.name()));
            }
        }
        this.first = entries.stream().map(HolidayEntry::date).min(LocalDate::compareTo).orElseThrow().withDayOfYear(1);
        LocalDate lastEntry = entries.stream().map(HolidayEntry::date).max(LocalDate::compareTo).orElseThrow();
        this.last = lastEntry.withDayOfYear(lastEntry.lengthOfYear());
        this.coveredFromMillis = first.atStartOfDay(exchange.zone()).toInstant().toEpochMilli();
        this.coveredUntilMillis = last.plusDays(1).atStartOfDay(exchange.zone()).toInstant().toEpochMilli();
    }

    /** NYSE or Nasdaq: 09:30–16:00 New York time. */
    public static MarketCalendar cashEquities(Exchange exchange, List<HolidayEntry> entries) {
        if (exchange == Exchange.XCME) {
            throw new IllegalArgumentException("XCME is not a cash equity exchange: use cmeEquityIndex");
        }
        return new MarketCalendar(exchange, LocalTime.of(9, 30), false, LocalTime.of(16, 0), entries);
    }

    /**
     * CME Globex equity-index futures (ES, NQ and their micros).
     *
     * @param entries the XCME snapshot
     * @param nyse    the NYSE calendar, whose early closes move the futures' halt to 15 minutes after the cash close
     */
    public static MarketCalendar cmeEquityIndex(List<HolidayEntry> entries, MarketCalendar nyse) {
        Objects.requireNonNull(nyse, "nyse");
        if (nyse.exchange() != Exchange.XNYS) {
            throw new IllegalArgumentException("the CME calendar follows the NYSE's early closes, got " + nyse.exchange());
        }
        List<HolidayEntry> adjusted = entries.stream().map(entry -> {
            if (entry.isClosure() || !nyse.covers(entry.date())) {
                return entry;
            }
            return nyse.session(entry.date()).filter(MarketSession::isEarlyClose)
                    .map(cash -> new HolidayEntry(entry.date(), entry.name(), Optional.of(
                            cash.closes().plus(CME_AFTER_CASH_EARLY_CLOSE).atZone(Exchange.XCME.zone()).toLocalTime())))
                    .orElse(entry);
        }).toList();
        return new MarketCalendar(Exchange.XCME, LocalTime.of(17, 0), true, LocalTime.of(16, 0), adjusted);
    }

    public Exchange exchange() {
        return exchange;
    }

    /** First and last dates the snapshot covers (whole years). */
    public LocalDate firstDate() {
        return first;
    }

    public LocalDate lastDate() {
        return last;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }

    public boolean isTradingDay(LocalDate date) {
        return closureReason(date).isEmpty();
    }

    /** Why the exchange is closed on {@code date} (the holiday's name, or "weekend"); empty on a trading day. */
    public Optional<String> closureReason(LocalDate date) {
        requireCovered(date);
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return Optional.of("weekend");
        }
        return Optional.ofNullable(closures.get(date));
    }

    /** The session of {@code date}; empty when the exchange is closed that day. */
    public Optional<MarketSession> session(LocalDate date) {
        if (!isTradingDay(date)) {
            return Optional.empty();
        }
        LocalDate openDay = opensEveningBefore ? date.minusDays(1) : date;
        Instant opens = ZonedDateTime.of(openDay, open, exchange.zone()).toInstant();
        Instant regularClose = ZonedDateTime.of(date, close, exchange.zone()).toInstant();
        EarlyClose early = earlyCloses.get(date);
        if (early == null) {
            return Optional.of(new MarketSession(exchange, date, opens, regularClose, regularClose, Optional.empty()));
        }
        Instant closes = ZonedDateTime.of(date, early.at(), exchange.zone()).toInstant();
        return Optional.of(new MarketSession(exchange, date, opens, closes, regularClose, Optional.of(early.reason())));
    }

    /** The first session strictly after {@code date}. */
    public MarketSession nextSession(LocalDate date) {
        LocalDate day = date.plusDays(1);
        while (!isTradingDay(day)) {
            day = day.plusDays(1);
        }
        return session(day).orElseThrow();
    }

    /** The last session strictly before {@code date}. */
    public MarketSession previousSession(LocalDate date) {
        LocalDate day = date.minusDays(1);
        while (!isTradingDay(day)) {
            day = day.minusDays(1);
        }
        return session(day).orElseThrow();
    }

    /** The session trading at {@code time}, if any (none in the CME daily break, at night for cash equities, on holidays). */
    public Optional<MarketSession> sessionAt(Instant time) {
        LocalDate local = time.atZone(exchange.zone()).toLocalDate();
        for (LocalDate day : List.of(local, local.plusDays(1))) {
            if (covers(day)) {
                Optional<MarketSession> session = session(day).filter(s -> s.contains(time));
                if (session.isPresent()) {
                    return session;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the date of {@code epochMillis} in the exchange's zone is covered ({@link #covers(LocalDate)}), without
     * building the date.
     */
    public boolean coversTime(long epochMillis) {
        return coveredFromMillis <= epochMillis && epochMillis < coveredUntilMillis;
    }

    /**
     * The session trading at {@code epochMillis}, as {@link #sessionAt(Instant)} finds it, as epoch-millisecond bounds;
     * {@link SessionBounds#NONE} when none trades then. Allocates nothing once the day's bounds were computed (the
     * first lookup of each session day), so strategies may ask on every bar close.
     */
    public SessionBounds sessionBoundsAt(long epochMillis) {
        // A session containing the time counts towards its local date or the next (CME opens the evening before),
        // and the local date is within a day of the UTC date, so these four days hold it if it exists; sessions do
        // not overlap, so the first that contains the time is the one sessionAt finds.
        long utcDay = Math.floorDiv(epochMillis, DAY_MILLIS);
        for (long day = utcDay - 1; day <= utcDay + 2; day++) {
            SessionBounds bounds = boundsOf(day);
            if (bounds.contains(epochMillis)) {
                return bounds;
            }
        }
        return SessionBounds.NONE;
    }

    private SessionBounds boundsOf(long epochDay) {
        int slot = (int) Math.floorMod(epochDay, (long) RECENT_DAYS);
        SessionBounds cached = recentDays.get(slot);
        if (cached != null && cached.epochDay() == epochDay) {
            return cached;
        }
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        SessionBounds bounds = covers(date)
                ? session(date).map(s -> new SessionBounds(epochDay, s.opens().toEpochMilli(), s.closes().toEpochMilli()))
                        .orElseGet(() -> new SessionBounds(epochDay, 0, 0))
                : new SessionBounds(epochDay, 0, 0);
        recentDays.set(slot, bounds);
        return bounds;
    }

    private void requireCovered(LocalDate date) {
        if (!covers(date)) {
            throw new IllegalArgumentException(exchange + " calendar covers " + first + " to " + last
                    + " only; " + date + " is outside it");
        }
    }

    @Override
    public String toString() {
        return "MarketCalendar[" + exchange + ", " + first + ".." + last + "]";
    }
}

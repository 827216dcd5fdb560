package com.alphacast.core.briefing.events;

import com.alphacast.core.feed.InputLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The FOMC (2017–2027) and US macro release (NFP, CPI, PPI, JOLTS; 2017–2026) calendars shipped in this jar
 * (ChenLiangChong/back-test-python, MIT; see {@code NOTICE} beside them). Reading a class-path resource of core is
 * the only input this class does.
 */
public final class ShippedEconomicCalendar {

    static final List<String> RESOURCES = List.of("fomc_2017-2027.csv", "us_macro_releases_2017-2026.csv");

    private final EconomicCalendarReader reader = new EconomicCalendarReader();

    /** Every shipped event, in time order. */
    public List<EconomicEvent> events() {
        return calendar().events();
    }

    /**
     * Every shipped event with the last day all the shipped files cover: each file covers through the end of the
     * last year it lists (the macro releases end with 2026, so a 2027 session's events are unknown, not none).
     */
    public EventCalendar calendar() {
        List<EconomicEvent> all = new ArrayList<>();
        LocalDate coveredThrough = LocalDate.MAX;
        for (String name : RESOURCES) {
            List<EconomicEvent> file = read(name);
            int lastYear = file.stream().mapToInt(e -> e.time().getYear()).max()
                    .orElseThrow(() -> new IllegalStateException("event calendar " + name + " lists no event"));
            LocalDate fileEnd = LocalDate.of(lastYear, 12, 31);
            coveredThrough = fileEnd.isBefore(coveredThrough) ? fileEnd : coveredThrough;
            all.addAll(file);
        }
        all.sort(Comparator.comparing(EconomicEvent::time));
        return new EventCalendar(all, coveredThrough);
    }

    /** The events published on {@code day} (New York date), in time order. */
    public static List<EconomicEvent> on(List<EconomicEvent> events, LocalDate day) {
        return events.stream().filter(e -> e.time().toLocalDate().equals(day)).toList();
    }

    private List<EconomicEvent> read(String name) {
        String path = "/com/alphacast/core/briefing/" + name;
        try (InputStream in = ShippedEconomicCalendar.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("event calendar " + path + " is missing from the core jar");
            }
            try (Reader text = InputLines.utf8(in)) {
                return reader.read(name, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event calendar " + name, e);
        }
    }
}

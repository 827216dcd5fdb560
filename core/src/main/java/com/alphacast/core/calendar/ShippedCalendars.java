package com.alphacast.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The calendars built from the holiday snapshots shipped in this jar (vacanza/holidays, see {@code NOTICE} beside
 * them). Reading a class-path resource of core itself is the only input this class does; nothing outside the jar.
 */
public final class ShippedCalendars {

    private final HolidaySnapshotReader reader = new HolidaySnapshotReader();

    public MarketCalendar calendar(Exchange exchange) {
        return switch (exchange) {
            case XNYS, XNAS -> MarketCalendar.cashEquities(exchange, entries(exchange));
            case XCME -> MarketCalendar.cmeEquityIndex(entries(Exchange.XCME), calendar(Exchange.XNYS));
        };
    }

    /** The snapshot's entries as published (CME pause times not yet moved by the NYSE's early closes). */
    public List<HolidayEntry> entries(Exchange exchange) {
        String name = exchange.snapshotResource();
        try (InputStream in = ShippedCalendars.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("holiday snapshot " + name + " is missing from the core jar");
            }
            Reader text = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            return reader.read(name, exchange.zone(), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read holiday snapshot " + name, e);
        }
    }
}

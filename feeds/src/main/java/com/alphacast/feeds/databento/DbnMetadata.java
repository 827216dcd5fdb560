package com.alphacast.feeds.databento;

import java.util.List;
import java.util.Objects;

/**
 * The metadata header of a DBN recording (versions 2 and 3).
 *
 * @param schema    the schema code ({@link DbnSchema}); {@code 0xFFFF} for a file of mixed schemas
 * @param stypeIn   symbology of the request ({@code 0} instrument id, {@code 1} raw symbol, ...); {@code 0xFF} mixed
 * @param stypeOut  symbology of the records' instrument ids
 * @param tsOut     whether each record is followed by the gateway's send time (8 bytes)
 * @param mappings  request symbol → output symbol over date intervals
 */
public record DbnMetadata(int version, String dataset, int schema, long startNanos, long endNanos, long limit,
                          int stypeIn, int stypeOut, boolean tsOut, List<String> symbols, List<String> partial,
                          List<String> notFound, List<SymbolMapping> mappings) {

    /** Symbology code for numeric instrument ids. */
    public static final int STYPE_INSTRUMENT_ID = 0;

    public DbnMetadata {
        Objects.requireNonNull(dataset, "dataset");
        symbols = List.copyOf(symbols);
        partial = List.copyOf(partial);
        notFound = List.copyOf(notFound);
        mappings = List.copyOf(mappings);
    }

    /** One requested symbol and what it resolved to, day by day. */
    public record SymbolMapping(String rawSymbol, List<MappingInterval> intervals) {
        public SymbolMapping {
            Objects.requireNonNull(rawSymbol, "rawSymbol");
            intervals = List.copyOf(intervals);
        }
    }

    /** @param startDate first day, YYYYMMDD; @param endDate day after the last, YYYYMMDD */
    public record MappingInterval(int startDate, int endDate, String symbol) {
        public MappingInterval {
            Objects.requireNonNull(symbol, "symbol");
        }
    }
}

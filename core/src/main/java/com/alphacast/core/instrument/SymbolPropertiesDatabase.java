package com.alphacast.core.instrument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Lean's symbol-properties database: tick size, multiplier and lot size per market, symbol and type. Lookups fall
 * back, as Lean does, from the exact symbol to the market's {@code [*]} row for the type (so every US equity option
 * gets {@code usa,[*],option}: 100 × 0.01). Parsing is strict: a malformed row fails the load with its line number.
 */
public final class SymbolPropertiesDatabase {

    /** The copy shipped in the core jar (see the NOTICE beside it). */
    public static final String RESOURCE = "symbol-properties-database.csv";

    static final String HEADER = "market,symbol,type,description,quote_currency,contract_multiplier,"
            + "minimum_price_variation,lot_size,market_ticker,minimum_order_size,price_magnifier,strike_multiplier";
    private static final String WILDCARD = "[*]";

    private final Map<Key, SymbolProperties> rows;

    private SymbolPropertiesDatabase(Map<Key, SymbolProperties> rows) {
        this.rows = Map.copyOf(rows);
    }

    /** The database shipped with Alphacast. */
    public static SymbolPropertiesDatabase bundled() {
        try (InputStream in = SymbolPropertiesDatabase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("core jar is missing its resource " + RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    /** Parses a database in Lean's CSV layout; {@code source} names it in errors. */
    public static SymbolPropertiesDatabase parse(Reader reader, String source) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        String header = lines.readLine();
        if (header == null || !header.strip().equals(HEADER)) {
            throw new IllegalArgumentException(source + ": line 1 must be the header '" + HEADER + "', was '"
                    + header + "'");
        }
        Map<Key, SymbolProperties> rows = new HashMap<>();
        String line;
        int number = 1;
        while ((line = lines.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            SymbolProperties row = row(trimmed, source, number);
            // The database lists a symbol traded on several venues in priority order; Lean keeps the first.
            rows.putIfAbsent(new Key(row.market(), row.symbol(), row.type()), row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no symbol rows");
        }
        return new SymbolPropertiesDatabase(rows);
    }

    private static SymbolProperties row(String line, String source, int number) {
        String[] cells = line.split(",", -1);
        if (cells.length < 8 || cells.length > 12) {
            throw new IllegalArgumentException(source + ": line " + number + " has " + cells.length
                    + " columns, expected 8 to 12: " + line);
        }
        try {
            for (int optional = 9; optional < cells.length; optional++) {
                if (!cells[optional].isBlank()) {
                    decimal(cells[optional], HEADER.split(",")[optional]);
                }
            }
            return new SymbolProperties(text(cells[0], "market"), text(cells[1], "symbol"),
                    SecurityType.fromColumn(cells[2]), cells[3], text(cells[4], "quote_currency"),
                    decimal(cells[5], "contract_multiplier"), decimal(cells[6], "minimum_price_variation"),
                    decimal(cells[7], "lot_size"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": line " + number + ": " + e.getMessage(), e);
        }
    }

    private static String text(String cell, String column) {
        if (cell.isBlank()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return cell;
    }

    private static BigDecimal decimal(String cell, String column) {
        try {
            return new BigDecimal(cell.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a number: '" + cell + "'");
        }
    }

    /** The exact row, else the market's {@code [*]} row for the type. */
    public Optional<SymbolProperties> find(String market, String symbol, SecurityType type) {
        Objects.requireNonNull(type, "type");
        SymbolProperties exact = rows.get(new Key(market, symbol, type));
        return Optional.ofNullable(exact != null ? exact : rows.get(new Key(market, WILDCARD, type)));
    }

    /** As {@link #find}, failing with what was asked for when the database has no row. */
    public SymbolProperties get(String market, String symbol, SecurityType type) {
        return find(market, symbol, type).orElseThrow(() -> new IllegalArgumentException(
                "no symbol properties for " + market + "," + symbol + "," + type.column()
                        + " (nor a " + market + ",[*]," + type.column() + " default)"));
    }

    public int size() {
        return rows.size();
    }

    private record Key(String market, String symbol, SecurityType type) {
    }
}

package com.alphacast.worker.replay;

import com.alphacast.core.settings.InstrumentSettings;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a Databento raw symbol by the {@code worker.instruments} key that trades it, so a DBN recording feeds the
 * configured instrument: first the instrument whose {@code instrument} is that symbol ({@code ES: {instrument: ESH1}}),
 * then the key itself ({@code ESH1:}), then, for a futures contract (root + month code + year, {@code ESH1}), the key
 * equal to its root ({@code ES}). A symbol none of these match keeps its name (and the worker ignores it).
 */
public final class DbnInstrumentNames implements UnaryOperator<String> {

    private static final Pattern FUTURES = Pattern.compile("([A-Z0-9]+?)[FGHJKMNQUVXZ][0-9]{1,2}");

    private final List<InstrumentSettings> instruments;

    public DbnInstrumentNames(List<InstrumentSettings> instruments) {
        this.instruments = List.copyOf(Objects.requireNonNull(instruments, "instruments"));
    }

    @Override
    public String apply(String raw) {
        for (InstrumentSettings i : instruments) {
            if (raw.equals(i.instrument())) {
                return i.symbol();
            }
        }
        for (InstrumentSettings i : instruments) {
            if (raw.equals(i.symbol())) {
                return i.symbol();
            }
        }
        Matcher futures = FUTURES.matcher(raw);
        if (futures.matches()) {
            for (InstrumentSettings i : instruments) {
                if (futures.group(1).equals(i.symbol())) {
                    return i.symbol();
                }
            }
        }
        return raw;
    }
}

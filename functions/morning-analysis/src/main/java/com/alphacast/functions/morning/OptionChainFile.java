package com.alphacast.functions.morning;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.cboe.CboeQuoteDataParser;
import com.alphacast.core.options.OptionChain;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The option chain the briefing's GEX facts come from: a CBOE quotedata export named by {@code OPTION_CHAIN_FILE}
 * (template parameter {@code BriefingOptionChainFile}; {@code ./alphacast morning --chain} sets it). Nothing in the
 * pipeline stores chains yet, so without the setting there is no chain and its facts are absent with the reason.
 * The file is read once, at start-up: a setting naming a file that cannot be read or parsed stops the start with
 * the key, the file and the line named, rather than publishing briefings without their options section.
 */
final class OptionChainFile {

    static final String KEY = "OPTION_CHAIN_FILE";

    private OptionChainFile() {
    }

    static Optional<OptionChain> read(Map<String, String> environment, String source) {
        String value = environment.get(KEY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(value.trim());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Optional.of(new CboeQuoteDataParser().parse(reader, file.toString()).chain());
        } catch (IOException e) {
            throw new ConfigException(source + ": " + KEY + " '" + value + "' cannot be read: " + e.getMessage());
        } catch (InputFormatException e) {
            throw new ConfigException(source + ": " + KEY + " '" + value + "' is not a CBOE quotedata export: "
                    + e.getMessage());
        }
    }
}

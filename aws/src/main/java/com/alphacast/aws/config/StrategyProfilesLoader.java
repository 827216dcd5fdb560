package com.alphacast.aws.config;

import com.alphacast.core.strategy.StrategyProfile;
import com.alphacast.core.text.TerminalText;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code config/strategy-profiles.yaml} into {@link StrategyProfile}s with the settings files' strictness:
 * unknown keys, keys without values and wrong types fail naming the file and the dotted key. Strategy parameters are
 * kept as written and validated when {@code StrategyCatalog} builds the strategies.
 */
public final class StrategyProfilesLoader {

    public static final String FILE = "config/strategy-profiles.yaml";

    /** Parses the profiles file's text; {@code file} is only used in error messages. */
    public Map<String, StrategyProfile> parse(String file, String text) {
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            String problem = e instanceof MarkedYAMLException marked && marked.getProblem() != null
                    ? marked.getProblem() : e.getClass().getSimpleName();
            throw new ConfigException(file + ": not valid YAML: " + TerminalText.excerpt(problem, 400));
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ConfigException(file + ": expected a mapping with a 'profiles' section at the top level");
        }
        ConfigSection root = ConfigSection.root(file, map);
        ConfigSection profiles = root.section("profiles");
        Map<String, StrategyProfile> out = new LinkedHashMap<>();
        for (String name : List.copyOf(profiles.keys())) {
            ConfigSection profile = profiles.section(name);
            List<String> order = profile.strings("order");
            int windowMinutes = profile.integer("conflictWindowMinutes", 30, 0, 1440);
            ConfigSection strategies = profile.section("strategies");
            Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
            for (String strategy : List.copyOf(strategies.keys())) {
                ConfigSection values = strategies.section(strategy);
                Map<String, String> texts = new LinkedHashMap<>();
                for (String key : List.copyOf(values.keys())) {
                    texts.put(key, values.scalarText(key));
                }
                parameters.put(strategy, texts);
            }
            try {
                out.put(name, new StrategyProfile(name, file, order, Duration.ofMinutes(windowMinutes), parameters));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage(), e);
            }
        }
        root.rejectUnknownKeys();
        if (out.isEmpty()) {
            throw new ConfigException(file + ": profiles: at least one profile is needed");
        }
        return out;
    }
}

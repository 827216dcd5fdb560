package com.alphacast.aws.config;

import com.alphacast.core.strategy.StrategyProfile;
import com.alphacast.core.text.TerminalText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * The named profile from where the settings come from: {@code ALPHACAST_CONFIG_DIR}'s
     * {@code strategy-profiles.yaml} when that directory has one (it overrides the presets), else the copy bundled
     * on the class path; an unknown name fails listing the known ones.
     */
    public StrategyProfile load(Map<String, String> environment, String profile) {
        String directory = environment.get(SettingsLoader.CONFIG_DIR_VARIABLE);
        String file;
        String text;
        if (directory != null && !directory.isBlank()
                && Files.exists(Path.of(directory).resolve("strategy-profiles.yaml"))) {
            Path path = Path.of(directory).resolve("strategy-profiles.yaml");
            file = path.toString();
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigException(file + ": cannot read the strategy profiles: " + e.getMessage(), e);
            }
        } else {
            file = "classpath:" + FILE;
            try (InputStream in = StrategyProfilesLoader.class.getClassLoader().getResourceAsStream(FILE)) {
                if (in == null) {
                    throw new ConfigException(file + ": missing from the class path");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
        Map<String, StrategyProfile> profiles = parse(file, text);
        StrategyProfile chosen = profiles.get(profile);
        if (chosen == null) {
            throw new ConfigException(file + ": no strategy profile '" + profile + "' (worker.strategies.profile); "
                    + "known: " + profiles.keySet());
        }
        return chosen;
    }

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

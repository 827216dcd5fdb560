package com.alphacast.cli.morning;

import com.alphacast.core.text.TerminalText;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code ./alphacast morning} was asked for.
 *
 * @param date    the session to brief; empty: New York's today if it trades, else the next session
 * @param chain   the CBOE quotedata export the options facts come from; empty: the shipped SPY chain
 * @param model   which language model writes the answer
 * @param format  how the result is printed
 * @param profile settings profile the functions load
 * @param home    project root: {@code template.yaml}, {@code config/} and {@code data/demo/}
 */
public record MorningOptions(Optional<LocalDate> date, Optional<Path> chain, ModelChoice.Kind model, Format format,
                             String profile, Path home) {

    public enum Format {
        TEXT, JSON
    }

    /** An option that is unknown, lacks its value or has a bad one: exit 64. */
    public static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    static final String USAGE = """
            usage: ./alphacast morning [--date YYYY-MM-DD] [--chain FILE.csv] [--llm fake|openai|bedrock|none]
                                       [--format text|json] [--profile NAME] [--home DIR]
              Builds and publishes the briefing of one session on the local stack (template.yaml's
              MorningAnalysisFunction fired by its pre-market schedule, DistributionFunction to the outbox), then
              prints the facts, the model's answer, the validation verdict, the text of each tier, where the outbox
              messages are and the chart PNG.
              --date     the session (default: New York's today if it trades, else the next session)
              --chain    a CBOE quotedata export for the options facts (default data/demo/spy_quotedata_2025-09-25.csv)
              --llm      none (default: the template briefing), fake (a loopback OpenAI-compatible server whose
                         model quotes the facts), openai (MODEL_ID, MODEL_BASE_URL, MODEL_API_KEY=env:NAME from the
                         environment), bedrock (MODEL_ID and AWS_BEARER_TOKEN_BEDROCK from the environment)
              --format   text (default) or json: the facts with their values, each tier's text, the verdict
              --profile  settings profile (default demo: outbox sinks, no credentials)
              --home     project root holding template.yaml (default: the launcher's)
            """;

    static MorningOptions parse(List<String> args, Path defaultHome) {
        Optional<LocalDate> date = Optional.empty();
        Optional<Path> chain = Optional.empty();
        ModelChoice.Kind model = ModelChoice.Kind.NONE;
        Format format = Format.TEXT;
        String profile = "demo";
        Path home = defaultHome;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!List.of("--date", "--chain", "--llm", "--format", "--profile", "--home").contains(arg)) {
                throw new UsageError("unknown option '" + TerminalText.excerpt(arg) + "' (see ./alphacast morning --help)");
            }
            if (i + 1 >= args.size()) {
                throw new UsageError(arg + " needs a value");
            }
            String value = args.get(++i);
            switch (arg) {
                case "--date" -> {
                    try {
                        date = Optional.of(LocalDate.parse(value));
                    } catch (DateTimeParseException e) {
                        throw new UsageError("--date '" + TerminalText.excerpt(value) + "' is not a date (YYYY-MM-DD)");
                    }
                }
                case "--chain" -> chain = Optional.of(path("--chain", value));
                case "--llm" -> model = switch (value) {
                    case "none" -> ModelChoice.Kind.NONE;
                    case "fake" -> ModelChoice.Kind.FAKE;
                    case "openai" -> ModelChoice.Kind.OPENAI;
                    case "bedrock" -> ModelChoice.Kind.BEDROCK;
                    default -> throw new UsageError("--llm '" + TerminalText.excerpt(value)
                            + "' is not one of fake, openai, bedrock, none");
                };
                case "--format" -> format = switch (value.toLowerCase(Locale.ROOT)) {
                    case "text" -> Format.TEXT;
                    case "json" -> Format.JSON;
                    default -> throw new UsageError("--format '" + TerminalText.excerpt(value) + "' is not text or json");
                };
                case "--profile" -> profile = value;
                default -> home = path("--home", value).toAbsolutePath().normalize();
            }
        }
        return new MorningOptions(date, chain, model, format, profile, home);
    }

    private static Path path(String option, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageError(option + " '" + TerminalText.excerpt(value) + "' is not a valid path");
        }
    }

    /** The chain to brief from, relative paths against the working directory as the user typed them. */
    Path chainFile() {
        return chain.map(Path::toAbsolutePath).orElse(home.resolve(MorningCommand.SHIPPED_CHAIN)).normalize();
    }
}

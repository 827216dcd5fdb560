package com.alphacast.cli;

import com.alphacast.cli.analyze.AnalyzeCommand;
import com.alphacast.cli.backtest.BacktestCommand;
import com.alphacast.cli.bots.BotsCommand;
import com.alphacast.cli.cloud.CloudCommand;
import com.alphacast.cli.demo.DemoCommand;
import com.alphacast.cli.morning.MorningCommand;
import com.alphacast.cli.ops.TradingHaltCommand;
import com.alphacast.cli.worker.WorkerCommand;
import com.alphacast.core.text.TerminalText;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code ./alphacast <command> ...}: the single entry point for operators and developers. */
public final class Alphacast {

    /** Longest single print on stderr: error messages are one line, never a dump of an input file. */
    static final int ERROR_PRINT_LIMIT = 2_000;

    private final Map<String, Supplier<Command>> commands = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();

    public Alphacast() {
        register("demo", "replay the demo session through the whole pipeline on the local cloud", DemoCommand::new);
        register("cloud", "the local stack for people and tools: up [--port-base N] [--data-dir DIR] until Ctrl-C",
                CloudCommand::new);
        register("worker", "run the ingest worker on a recording (--replay PATH) against the local cloud",
                WorkerCommand::new);
        register("backtest", "replay recorded sessions through strategies, risk and paper fills; report + equity PNG",
                BacktestCommand::new);
        register("morning", "build and publish one session's briefing on the local cloud: [--date D] [--chain F] "
                + "[--llm fake|openai|bedrock|none] [--format text|json]", MorningCommand::new);
        register("analyze", "market analytics on files: gex, vpin, book", AnalyzeCommand::new);
        register("bots", "bot operator commands: register-commands, run, explain-update, verify-discord, bench-fanout",
                BotsCommand::new);
        register("trading", "operator kill switch on a deployed stack: halt --reason, resume, status",
                TradingHaltCommand::new);
    }

    private void register(String name, String description, Supplier<Command> command) {
        commands.put(name, command);
        descriptions.put(name, description);
    }

    /**
     * Runs one command. Everything it prints goes through {@link TerminalSafeStream}; a failure nobody turned into a
     * message (a defect) still ends in one line and {@link ExitCode#INTERNAL}, never a stack trace, unless
     * {@code ALPHACAST_DEBUG=1}.
     */
    public int run(List<String> args, PrintStream rawOut, PrintStream rawErr) {
        PrintStream out = new TerminalSafeStream(rawOut, Integer.MAX_VALUE);
        PrintStream err = new TerminalSafeStream(rawErr, ERROR_PRINT_LIMIT);
        try {
            return dispatch(args, out, err);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            err.println("alphacast: internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage());
            err.println("This is a defect, not something you did; ALPHACAST_DEBUG=1 prints the stack trace.");
            if ("1".equals(System.getenv("ALPHACAST_DEBUG"))) {
                e.printStackTrace(err);
            }
            return ExitCode.INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int dispatch(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            usage(args.isEmpty() ? err : out);
            return args.isEmpty() ? ExitCode.USAGE : ExitCode.OK;
        }
        Supplier<Command> command = commands.get(args.get(0));
        if (command == null) {
            err.println("unknown command '" + TerminalText.excerpt(args.get(0)) + "'");
            usage(err);
            return ExitCode.USAGE;
        }
        return command.get().run(args.subList(1, args.size()), out, err);
    }

    private void usage(PrintStream stream) {
        stream.println("usage: ./alphacast <command> [options]");
        stream.println();
        descriptions.forEach((name, description) -> stream.printf("  %-10s %s%n", name, description));
        stream.println();
        stream.println("Run './alphacast <command> --help' for a command's options.");
    }

    public static void main(String[] args) {
        int code = new Alphacast().run(Arrays.asList(args), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }
}

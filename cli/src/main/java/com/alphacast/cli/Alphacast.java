package com.alphacast.cli;

import com.alphacast.cli.analyze.AnalyzeCommand;
import com.alphacast.cli.bots.BotsCommand;
import com.alphacast.cli.cloud.CloudCommand;
import com.alphacast.cli.demo.DemoCommand;
import com.alphacast.cli.ops.TradingHaltCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code ./alphacast <command> ...}: the single entry point for operators and developers. */
public final class Alphacast {

    static final int USAGE = 64;

    private final Map<String, Supplier<Command>> commands = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();

    public Alphacast() {
        register("demo", "replay the demo session through the whole pipeline on the local cloud", DemoCommand::new);
        register("cloud", "the local stack for people and tools: up [--port-base N] [--data-dir DIR] until Ctrl-C",
                CloudCommand::new);
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

    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            usage(args.isEmpty() ? err : out);
            return args.isEmpty() ? USAGE : 0;
        }
        Supplier<Command> command = commands.get(args.get(0));
        if (command == null) {
            err.println("unknown command '" + args.get(0) + "'");
            usage(err);
            return USAGE;
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

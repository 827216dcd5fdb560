package com.alphacast.cli.cloud;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.cli.Command;
import com.alphacast.cli.ExitCode;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.fakes.chat.LocalChatPlatforms;
import com.alphacast.localcloud.template.TemplateRefusedException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./alphacast cloud up}: the project's stack on this machine, for people and their tools, until Ctrl-C.
 * {@code cloud down} only says how to stop it: the stack lives and dies with the {@code cloud up} process.
 */
public final class CloudCommand implements Command {

    static final int OK = ExitCode.OK;
    static final int FAILED = ExitCode.FAILED;
    static final int BAD_INPUT = ExitCode.INPUT;
    static final int USAGE = ExitCode.USAGE;

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("usage: ./alphacast cloud up [--port-base N] [--data-dir DIR] | cloud down");
            return USAGE;
        }
        return switch (args.get(0)) {
            case "up" -> up(args.subList(1, args.size()), out, err);
            case "down" -> {
                err.println("alphacast cloud down: the stack stops with its 'cloud up' process: press Ctrl-C where it"
                        + " runs, or 'kill <pid>' with the pid it printed");
                yield USAGE;
            }
            case "--help", "-h", "help" -> {
                out.println("usage: ./alphacast cloud up [options]   start the local stack and keep it up until Ctrl-C");
                out.println("       ./alphacast cloud down           how to stop it");
                out.println();
                out.print(CloudUpOptions.USAGE);
                yield OK;
            }
            default -> {
                err.println("unknown cloud command '" + args.get(0) + "' (up, down)");
                yield USAGE;
            }
        };
    }

    private int up(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(CloudUpOptions.USAGE);
            return OK;
        }
        CloudUpOptions options;
        try {
            options = CloudUpOptions.parse(args, Path.of(System.getProperty("alphacast.home", ".")).toAbsolutePath()
                    .normalize());
        } catch (CloudUpOptions.UsageError e) {
            err.println("alphacast cloud up: " + e.getMessage());
            return USAGE;
        }
        for (Map.Entry<String, Integer> server : List.of(Map.entry("DynamoDB", options.dynamoDbPort()),
                Map.entry("SQS", options.sqsPort()), Map.entry("HTTP APIs", options.httpPort()))) {
            if (!PortProbe.isFree(server.getValue())) {
                err.printf("alphacast cloud up: port %d (%s) is in use: stop what listens there or choose another"
                        + " --port-base (DynamoDB on N, SQS on N+1, HTTP APIs on N+2)%n", server.getValue(), server.getKey());
                return USAGE;
            }
        }
        Path template = options.home().resolve("template.yaml");
        if (!Files.isRegularFile(template)) {
            err.println("alphacast cloud up: no template.yaml in " + options.home() + " (--home names the project root)");
            return BAD_INPUT;
        }
        Path outbox;
        try {
            AlphacastSettings settings = new SettingsLoader(Optional.of(options.home().resolve("config")))
                    .load(options.profile());
            outbox = options.home().resolve(settings.distribution().outboxDirectory());
        } catch (ConfigException e) {
            err.println("alphacast cloud up: " + e.getMessage());
            return BAD_INPUT;
        }

        try (LocalChatPlatforms chat = LocalChatPlatforms.start()) {
            CloudStack stack;
            try {
                stack = CloudStack.start(options, chat.functionEnvironment(),
                        (function, line) -> err.println("[" + function + "] " + line));
            } catch (TemplateRefusedException e) {
                err.println("alphacast cloud up: " + template + ": " + e.getMessage());
                return BAD_INPUT;
            } catch (RuntimeException e) {
                err.println("alphacast cloud up: the local cloud did not start: " + e.getMessage());
                return FAILED;
            }
            StopOnSignal.install(stack, err);
            new StackGuide(out, Clock.systemUTC()).print(stack.cloud(), options, outbox, chat, ProcessHandle.current().pid());
            try {
                stack.awaitStopped();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stack.close();
            }
            return OK;
        }
    }
}

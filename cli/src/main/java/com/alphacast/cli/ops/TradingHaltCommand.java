package com.alphacast.cli.ops;

import com.alphacast.aws.AwsClients;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.cli.Command;
import com.alphacast.cli.ExitCode;
import com.alphacast.core.risk.KillSwitch;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./alphacast trading halt|resume|status}: the operator's kill switch on a deployed stack. Writes the
 * same persisted switch the risk check reads, so a halt stops every new signal on every function instance
 * until it is resumed. Uses the caller's AWS credentials and region (or {@code AWS_ENDPOINT_URL_DYNAMODB}).
 */
public final class TradingHaltCommand implements Command {

    private final Map<String, String> environment;
    private final Clock clock;

    public TradingHaltCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    public TradingHaltCommand(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            PrintStream stream = args.isEmpty() ? err : out;
            stream.println("usage: ./alphacast trading halt --reason TEXT [--by NAME] [--control-table NAME] [--signals-table NAME]");
            stream.println("       ./alphacast trading resume [--by NAME] [...]");
            stream.println("       ./alphacast trading status [...]");
            stream.println("  Tables default to ALPHACAST_CONTROL_TABLE and ALPHACAST_SIGNALS_TABLE (the stack's table names).");
            return args.isEmpty() ? ExitCode.USAGE : ExitCode.OK;
        }
        String action = args.get(0);
        String reason = null;
        String by = environment.getOrDefault("USER", "operator");
        String controlTable = environment.get("ALPHACAST_CONTROL_TABLE");
        String signalsTable = environment.get("ALPHACAST_SIGNALS_TABLE");
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                err.println(option + " needs a value");
                return ExitCode.USAGE;
            }
            String value = args.get(++i);
            switch (option) {
                case "--reason" -> reason = value;
                case "--by" -> by = value;
                case "--control-table" -> controlTable = value;
                case "--signals-table" -> signalsTable = value;
                default -> {
                    err.println("unknown option '" + option + "' (see ./alphacast trading --help)");
                    return ExitCode.USAGE;
                }
            }
        }
        if (controlTable == null || controlTable.isBlank() || signalsTable == null || signalsTable.isBlank()) {
            err.println("which stack? set ALPHACAST_CONTROL_TABLE and ALPHACAST_SIGNALS_TABLE, or pass --control-table"
                    + " and --signals-table");
            return ExitCode.USAGE;
        }
        try (DynamoDbClient db = new AwsClients(environment).dynamoDb()) {
            DynamoRiskLedger ledger = new DynamoRiskLedger(db, signalsTable, controlTable, new JsonCodec());
            switch (action) {
                case "halt" -> {
                    if (reason == null || reason.isBlank()) {
                        err.println("halt needs --reason: subscribers and operators see it on every rejection");
                        return ExitCode.USAGE;
                    }
                    ledger.setKillSwitch(new KillSwitch(true, reason, by, clock.instant()));
                    out.println("trading HALTED by " + by + ": " + reason);
                }
                case "resume" -> {
                    ledger.setKillSwitch(new KillSwitch(false, "", by, clock.instant()));
                    out.println("trading RESUMED by " + by);
                }
                case "status" -> {
                    KillSwitch current = ledger.killSwitch();
                    out.println(current.halted()
                            ? "trading HALTED by " + current.changedBy() + " at " + current.changedAt() + ": " + current.reason()
                            : "trading ACTIVE" + (current.changedAt().getEpochSecond() == 0 ? ""
                                    : " (resumed by " + current.changedBy() + " at " + current.changedAt() + ")"));
                    out.println("open exposures: " + ledger.openExposures().size());
                }
                default -> {
                    err.println("unknown action '" + action + "': expected halt, resume or status");
                    return ExitCode.USAGE;
                }
            }
            return ExitCode.OK;
        } catch (SdkException e) {
            err.println("alphacast trading " + action + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
    }
}

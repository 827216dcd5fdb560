package com.alphacast.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TradingHaltCommandTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate().withoutFunctions().build();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(LocalCloud cloud, String... args) {
        Map<String, String> env = new HashMap<>(cloud.functionEnvironment("RiskCheckFunction"));
        env.put("ALPHACAST_CONTROL_TABLE", cloud.tableName("ControlTable"));
        env.put("ALPHACAST_SIGNALS_TABLE", cloud.tableName("SignalsTable"));
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T13:55:00Z"), ZoneOffset.UTC);
        return new TradingHaltCommand(env, clock).run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void haltPersistsTheKillSwitchTheRiskCheckReadsAndResumeReleasesIt(LocalCloud cloud) {
        DynamoRiskLedger ledger = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), new JsonCodec());

        assertThat(run(cloud, "halt", "--reason", "FOMC at 14:00", "--by", "ops")).isZero();
        assertThat(ledger.killSwitch().halted()).isTrue();
        assertThat(ledger.killSwitch().reason()).isEqualTo("FOMC at 14:00");

        assertThat(run(cloud, "status")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("trading HALTED by ops at 2026-11-21T13:55:00Z: FOMC at 14:00");

        assertThat(run(cloud, "resume", "--by", "ops")).isZero();
        assertThat(ledger.killSwitch().halted()).isFalse();
    }

    @Test
    void haltWithoutAReasonIsRefused(LocalCloud cloud) {
        assertThat(run(cloud, "halt")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("halt needs --reason");
    }
}

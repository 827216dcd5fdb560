package com.alphacast.functions.chat;

import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.bots.command.data.TradingControl;
import com.alphacast.bots.command.data.TradingStatus;
import com.alphacast.core.risk.KillSwitch;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * /status, /halt and /resume on the kill switch record in the control table, the one the risk check reads
 * before every decision: a halt from chat rejects the next signal, naming the kill switch. Halting a halted
 * desk keeps the first halt's reason and time.
 */
public final class DynamoTradingControl implements TradingControl {

    private final DynamoRiskLedger ledger;
    private final Clock clock;

    public DynamoTradingControl(DynamoRiskLedger ledger, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TradingStatus status() {
        KillSwitch current = ledger.killSwitch();
        Optional<String> by = KillSwitch.released().equals(current) ? Optional.empty() : Optional.of(current.changedBy());
        return new TradingStatus(current.halted(), by, current.changedAt(), current.halted() ? current.reason() : "");
    }

    @Override
    public TradingStatus halt(String by, String reason) {
        if (!ledger.killSwitch().halted()) {
            ledger.setKillSwitch(new KillSwitch(true, reason, by, clock.instant()));
        }
        return status();
    }

    @Override
    public TradingStatus resume(String by) {
        if (ledger.killSwitch().halted()) {
            ledger.setKillSwitch(new KillSwitch(false, "", by, clock.instant()));
        }
        return status();
    }

    /**
     * Not offered: closing a position needs a close order on the order path, which the order function does not
     * take yet, so the routers built on this control leave /closeall out of their catalogue.
     */
    @Override
    public int closeAll(String by) {
        throw new IllegalStateException("/closeall is not offered by the table-backed desk (no close order on the order path)");
    }
}

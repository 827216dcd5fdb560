package com.alphacast.functions.chat;

import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.bots.command.data.PositionBook;
import com.alphacast.bots.command.data.TradingControl;
import com.alphacast.bots.command.data.TradingStatus;
import com.alphacast.core.risk.KillSwitch;
import com.alphacast.core.trading.Position;
import com.alphacast.core.usecase.trading.CloseRequest;
import com.alphacast.core.usecase.trading.CloseRequests;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * /status, /halt and /resume on the kill switch record in the control table, the one the risk check reads
 * before every decision: a halt from chat rejects the next signal, naming the kill switch. Halting a halted
 * desk keeps the first halt's reason and time. /closeall (once confirmed) asks the position function, the one
 * owner of exits, to close each position open in PositionsTable; the positions close asynchronously there.
 */
public final class DynamoTradingControl implements TradingControl {

    private final DynamoRiskLedger ledger;
    private final PositionBook positions;
    private final CloseRequests closeRequests;
    private final Clock clock;

    /**
     * @param positions     the open positions (PositionsTable)
     * @param closeRequests the position function's close-requests queue
     */
    public DynamoTradingControl(DynamoRiskLedger ledger, PositionBook positions, CloseRequests closeRequests,
                                Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.positions = Objects.requireNonNull(positions, "positions");
        this.closeRequests = Objects.requireNonNull(closeRequests, "closeRequests");
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
     * One close request per open position, all stamped with the same time: the position function prices each at
     * the latest snapshot stored by then. A request it has already carried out, or one for a position a stop closed
     * meanwhile, does nothing there, so a redelivery or a second confirmed /closeall closes nothing twice.
     *
     * @return how many positions were asked to close
     */
    @Override
    public int closeAll(String by) {
        Instant now = clock.instant();
        List<Position> open = positions.openPositions();
        for (Position position : open) {
            closeRequests.request(new CloseRequest(position.signalId(), by, now));
        }
        return open.size();
    }
}

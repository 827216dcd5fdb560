package com.alphacast.bots.command;

import com.alphacast.bots.command.data.TradingControl;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The levers operators pull and what guards them.
 *
 * @param control           the kill switch (/halt, /resume, /status) and /closeall
 * @param confirmations     pending /closeall codes, shared by every router instance
 * @param confirmationCodes draws those codes
 * @param subscriptions     the operators' /grant, /revoke and /refund
 * @param audit             records every operator command routed, refused ones included
 */
public record OperatorActions(TradingControl control, PendingConfirmations confirmations, RandomGenerator confirmationCodes,
                              SubscriptionCommands subscriptions, OperatorAudit audit) {

    public OperatorActions {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(confirmations, "confirmations");
        Objects.requireNonNull(confirmationCodes, "confirmationCodes");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(audit, "audit");
    }
}

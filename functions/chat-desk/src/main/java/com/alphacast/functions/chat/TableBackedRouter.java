package com.alphacast.functions.chat;

import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.bots.command.CommandCatalog;
import com.alphacast.bots.command.CommandRouter;
import com.alphacast.bots.command.InMemorySubscriberRegistry;
import com.alphacast.bots.command.SubscriberRegistry;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.core.calendar.TradingSession;
import com.alphacast.functions.FunctionResources;
import java.security.SecureRandom;
import java.time.Clock;


/**
 * The command router of the webhook functions, wired on the tables template.yaml gives them: positions and
 * P&amp;L from PositionsTable, signals from SignalsTable at the caller's tier and delay, the kill switch in
 * ControlTable, confirmations in InboundRequestsTable, operator commands audited in OperatorAuditTable. Roles come
 * from {@code ALPHACAST_ROLES} (template parameter {@code BotRoles}). /closeall is left out: the order path has
 * no close order yet.
 */
public final class TableBackedRouter {

    private static final String NO_ORDERS_TABLE = "orders-not-read-by-chat";

    private TableBackedRouter() {
    }

    public static CommandRouter create(FunctionResources resources, Clock clock) {
        var db = resources.dynamoDb();
        TradingSession session = resources.settings().market().session();
        SubscriberRegistry registry = InMemorySubscriberRegistry.parse(resources.environment().getOrDefault("ALPHACAST_ROLES", ""));
        // Only positions are read here (open ones, closed ones with their P&L); orders are never touched.
        DynamoTradingBook book = new DynamoTradingBook(new DynamoTradingLedger(db, NO_ORDERS_TABLE,
                resources.require("POSITIONS_TABLE")), session);
        DynamoRiskLedger risk = new DynamoRiskLedger(db, resources.require("SIGNALS_TABLE"), resources.require("CONTROL_TABLE"),
                resources.json());
        return new CommandRouter(new CommandCatalog().without("closeall"), registry, book, book,
                new DynamoSignalHistory(db, resources.require("SIGNALS_TABLE"), resources.settings().distribution(),
                        resources.json(), clock),
                new DynamoTradingControl(risk, clock), BriefingComposer.standard(), clock, new SecureRandom(),
                resources.environment().getOrDefault("ALPHACAST_SUBSCRIBE_URL", "https://alphacast.io/subscribe"), session.zone(),
                new DynamoPendingConfirmations(db, resources.require("INBOUND_REQUESTS_TABLE")),
                new DynamoOperatorAudit(db, resources.require("OPERATOR_AUDIT_TABLE")));
    }
}

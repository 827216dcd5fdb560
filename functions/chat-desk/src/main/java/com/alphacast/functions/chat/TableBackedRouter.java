package com.alphacast.functions.chat;

import com.alphacast.aws.feed.DynamoFeedStatusBoard;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.sqs.QueueCloseRequests;
import com.alphacast.aws.sqs.QueuePublisher;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.bots.command.CommandAccess;
import com.alphacast.bots.command.CommandCatalog;
import com.alphacast.bots.command.CommandRouter;
import com.alphacast.bots.command.DeskQueries;
import com.alphacast.bots.command.OperatorActions;
import com.alphacast.bots.command.ReplyStyle;
import com.alphacast.bots.command.SubscriptionCommands;
import com.alphacast.bots.command.SubscriberRegistry;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.core.calendar.TradingSession;
import com.alphacast.functions.FunctionResources;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;


/**
 * The command router of the webhook functions, wired on the tables template.yaml gives them: positions and
 * P&amp;L from PositionsTable, signals from SignalsTable at the caller's tier and delay, the kill switch in
 * ControlTable, each instrument's feed status (operators' /status) from the worker's {@code feed|} records in
 * ControlTable, confirmations in InboundRequestsTable, operator commands audited in OperatorAuditTable. Roles and
 * subscription commands are given by the function ({@link LedgerSubscriptions}: tiers from SubscribersTable).
 * /closeall, once confirmed, puts one close request per open position on PositionCloseRequestsQueue
 * ({@code CLOSE_REQUESTS_QUEUE_URL}) for the position function. The router's clock (today for /pnl, times shown) may be set back by whole days for replays of
 * past sessions (feed records' ages are then counted from that day too, so a replay flags none as old); signal delays
 * and stored times always use the real clock.
 */
public final class TableBackedRouter {

    private static final String NO_ORDERS_TABLE = "orders-not-read-by-chat";

    private TableBackedRouter() {
    }

    /**
     * {@code ALPHACAST_CHAT_DAYS_BACK}: a stack replaying a past session (the demo) answers /pnl as of that session's
     * day, this many days before today. Unset (deployed stacks): 0.
     */
    private static long daysBack(FunctionResources resources) {
        String value = resources.environment().getOrDefault("ALPHACAST_CHAT_DAYS_BACK", "0").strip();
        try {
            long days = Long.parseLong(value);
            if (days < 0) {
                throw new NumberFormatException();
            }
            return days;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable ALPHACAST_CHAT_DAYS_BACK must be a whole number of days >= 0, was '"
                    + value + "'");
        }
    }

    /**
     * @param registry      the caller's role (tiers from SubscribersTable, operators from {@code ALPHACAST_ROLES})
     * @param subscriptions /grant, /revoke and /refund
     */
    public static CommandRouter create(FunctionResources resources, Clock clock, SubscriberRegistry registry,
                                       SubscriptionCommands subscriptions) {
        var db = resources.dynamoDb();
        Clock chatClock = Clock.offset(clock, Duration.ofDays(-daysBack(resources)));
        TradingSession session = resources.settings().market().session();
        // Only positions are read here (open ones, closed ones with their P&L); orders are never touched.
        DynamoTradingBook book = new DynamoTradingBook(new DynamoTradingLedger(db, NO_ORDERS_TABLE,
                resources.require("POSITIONS_TABLE")), session);
        DynamoRiskLedger risk = new DynamoRiskLedger(db, resources.require("SIGNALS_TABLE"), resources.require("CONTROL_TABLE"),
                resources.json());
        QueueCloseRequests closeRequests = new QueueCloseRequests(new QueuePublisher(resources.sqs(),
                resources.require("CLOSE_REQUESTS_QUEUE_URL"), resources.json()));
        return new CommandRouter(
                new CommandAccess(new CommandCatalog(), registry),
                new DeskQueries(book, book,
                        new DynamoSignalHistory(db, resources.require("SIGNALS_TABLE"), resources.settings().distribution(),
                                resources.json(), clock),
                        Optional.of(new DynamoFeedStatusBoard(db, resources.require("CONTROL_TABLE"), clock))),
                new OperatorActions(new DynamoTradingControl(risk, book, closeRequests, clock),
                        new DynamoPendingConfirmations(db, resources.require("INBOUND_REQUESTS_TABLE")), new SecureRandom(),
                        subscriptions, new DynamoOperatorAudit(db, resources.require("OPERATOR_AUDIT_TABLE"))),
                new ReplyStyle(BriefingComposer.standard(),
                        resources.environment().getOrDefault("ALPHACAST_SUBSCRIBE_URL", "https://alphacast.io/subscribe"),
                        session.zone()),
                chatClock);
    }
}

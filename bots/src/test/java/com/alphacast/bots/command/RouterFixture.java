package com.alphacast.bots.command;

import com.alphacast.bots.ManualTime;
import com.alphacast.bots.command.data.DailyPnl;
import com.alphacast.bots.command.data.InMemoryTradingDesk;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.bots.Fixtures;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.trading.Position;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.SplittableRandom;

/** A router over in-memory data: telegram users 1 (admin), 2 (premium), 3 (basic), 4 (free); everyone else unknown. */
public final class RouterFixture {

    public final ManualTime time = new ManualTime();
    public final InMemoryTradingDesk desk = new InMemoryTradingDesk(time);
    public final InMemorySubscriberRegistry registry = new InMemorySubscriberRegistry()
            .assign(Channel.TELEGRAM, "1", Role.ADMIN).assign(Channel.TELEGRAM, "2", Role.PREMIUM)
            .assign(Channel.TELEGRAM, "3", Role.BASIC).assign(Channel.TELEGRAM, "4", Role.FREE)
            .assign(Channel.DISCORD, "900", Role.ADMIN);
    public final InMemoryPendingConfirmations confirmations = new InMemoryPendingConfirmations();
    public final CommandRouter router = anotherInstance(42);

    public RouterFixture() {
        desk.open(new Position("gamma-flip|ESZ6|2026-11-20T14:31:07Z", "ES", "ESZ6", Direction.LONG, 2, 5012.5, 4998, 5040.5,
                Fixtures.MARKET_TIME));
        desk.open(new Position("x|NQZ6|1", "NQ", "NQZ6", Direction.SHORT, 1, 18250.25, 18300, 18150, Fixtures.MARKET_TIME));
        desk.published(Fixtures.longEs()).published(Fixtures.hostileShort());
        desk.record(new DailyPnl(LocalDate.of(2026, 11, 19), 1250.0, 3, 2));
        desk.record(new DailyPnl(LocalDate.of(2026, 11, 20), -312.5, 2, 1));
        desk.record(new DailyPnl(LocalDate.of(2026, 10, 1), 99999.0, 9, 9));
    }

    /** A second router over the same data and confirmations, as another Lambda container would have. */
    public CommandRouter anotherInstance(long seed) {
        return new CommandRouter(access(), queries(), operators(seed), replies(), time);
    }

    public CommandAccess access() {
        return new CommandAccess(new CommandCatalog(), registry);
    }

    /** The desk's data, no feed status board. */
    public DeskQueries queries() {
        return new DeskQueries(desk, desk, desk, Optional.empty());
    }

    /** The desk's kill switch, the shared confirmations, no subscription commands, no audit. */
    public OperatorActions operators(long seed) {
        return new OperatorActions(desk, confirmations, new SplittableRandom(seed), SubscriptionCommands.unavailable(),
                OperatorAudit.none());
    }

    public static ReplyStyle replies() {
        return new ReplyStyle(BriefingComposer.standard(), "https://alphacast.example/subscribe", ZoneId.of("America/New_York"));
    }

    public static Caller telegram(String userId) {
        return new Caller(Channel.TELEGRAM, userId, userId);
    }

    public Routing send(String userId, String text) {
        return send(router, userId, text);
    }

    public static Routing send(CommandRouter router, String userId, String text) {
        return router.route(telegram(userId), new CommandParser("AlphacastBot").parse(text, null));
    }
}

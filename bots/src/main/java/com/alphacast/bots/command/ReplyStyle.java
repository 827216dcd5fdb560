package com.alphacast.bots.command;

import com.alphacast.bots.render.BriefingComposer;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How answers are written.
 *
 * @param composer      renders /signals at the caller's tier, by the same tier rules as deliveries
 * @param subscribeLink where /subscribe sends people (payment page, bot deep link)
 * @param tradingZone   the exchange time zone trading days (/pnl) are counted in
 */
public record ReplyStyle(BriefingComposer composer, String subscribeLink, ZoneId tradingZone) {

    public ReplyStyle {
        Objects.requireNonNull(composer, "composer");
        Objects.requireNonNull(subscribeLink, "subscribeLink");
        Objects.requireNonNull(tradingZone, "tradingZone");
    }
}

package com.alphacast.core.subscription;

import com.alphacast.core.distribution.Tier;
import java.util.Optional;

/**
 * The {@code invoice_payload} of a Stars invoice: {@code sub:v1:<tier>:<days>d:<stars>}. It names what was offered,
 * so a pre-checkout or a payment can be checked against today's price list ({@link PriceList#verify}); Telegram
 * allows 1-128 bytes, and this is at most ~40.
 */
public record InvoicePayload(Tier tier, int days, long stars) {

    private static final String PREFIX = "sub:v1:";

    public static InvoicePayload of(Plan plan) {
        return new InvoicePayload(plan.tier(), plan.days(), plan.stars());
    }

    public String encode() {
        return PREFIX + tier.key() + ":" + days + "d:" + stars;
    }

    /** Reads a payload, or says why it is not one of ours (the reason never quotes more than 32 characters of it). */
    public static Result parse(String payload) {
        if (payload == null || !payload.startsWith(PREFIX)) {
            return new Result(Optional.empty(), "not an Alphacast subscription invoice ('" + excerpt(payload) + "')");
        }
        String[] parts = payload.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 3 || !parts[1].endsWith("d")) {
            return new Result(Optional.empty(), "malformed subscription invoice ('" + excerpt(payload) + "')");
        }
        Tier tier;
        try {
            tier = Tier.fromKey(parts[0]);
        } catch (IllegalArgumentException e) {
            return new Result(Optional.empty(), e.getMessage());
        }
        try {
            int days = Integer.parseInt(parts[1].substring(0, parts[1].length() - 1));
            long stars = Long.parseLong(parts[2]);
            return new Result(Optional.of(new InvoicePayload(tier, days, stars)), "");
        } catch (NumberFormatException e) {
            return new Result(Optional.empty(), "malformed subscription invoice ('" + excerpt(payload) + "')");
        }
    }

    /** A payload, or the reason there is none. */
    public record Result(Optional<InvoicePayload> payload, String problem) {}

    private static String excerpt(String payload) {
        if (payload == null) {
            return "";
        }
        return payload.length() > 32 ? payload.substring(0, 32) + "…" : payload;
    }
}

package com.alphacast.core.subscription;

import com.alphacast.core.distribution.Tier;
import java.util.List;
import java.util.Optional;

/**
 * The plans on sale (from {@code subscriptions.plans} in the settings) and the check every pre-checkout query and
 * payment goes through: the payload must name a plan that is still sold, at today's price, in Stars.
 */
public record PriceList(List<Plan> plans) {

    public PriceList {
        plans = List.copyOf(plans);
        for (int i = 0; i < plans.size(); i++) {
            for (int j = i + 1; j < plans.size(); j++) {
                if (plans.get(i).tier() == plans.get(j).tier() && plans.get(i).days() == plans.get(j).days()) {
                    throw new IllegalArgumentException("plan " + plans.get(i).key() + " is priced twice");
                }
            }
        }
    }

    public Optional<Plan> find(Tier tier, int days) {
        return plans.stream().filter(plan -> plan.tier() == tier && plan.days() == days).findFirst();
    }

    /** The plans of one tier, shortest period first. */
    public List<Plan> of(Tier tier) {
        return plans.stream().filter(plan -> plan.tier() == tier)
                .sorted(java.util.Comparator.comparingInt(Plan::days)).toList();
    }

    /** The outcome of checking what Telegram says is being paid against the price list. */
    public sealed interface Verdict {
        record Accepted(Plan plan) implements Verdict {}

        /** @param reason shown to the payer by Telegram ({@code error_message}), so it is plain and short */
        record Refused(String reason) implements Verdict {}
    }

    /** Checks a pre-checkout query or a successful payment: payload, currency, tier, period and amount. */
    public Verdict verify(String invoicePayload, String currency, long totalAmount) {
        InvoicePayload.Result parsed = InvoicePayload.parse(invoicePayload);
        if (parsed.payload().isEmpty()) {
            return new Verdict.Refused("This invoice is not one of ours: " + parsed.problem() + ". Send /subscribe for a new one.");
        }
        InvoicePayload payload = parsed.payload().get();
        if (!Plan.CURRENCY.equals(currency)) {
            return new Verdict.Refused("Subscriptions are paid in Telegram Stars (XTR), not " + excerpt(currency) + ".");
        }
        if (payload.tier() == Tier.FREE) {
            return new Verdict.Refused("The free tier is not sold. Send /subscribe for the plans.");
        }
        Optional<Plan> plan = find(payload.tier(), payload.days());
        if (plan.isEmpty()) {
            return new Verdict.Refused("The " + payload.tier().key() + " plan for " + payload.days()
                    + " days is no longer sold. Send /subscribe for the current plans.");
        }
        if (plan.get().stars() != payload.stars() || totalAmount != payload.stars()) {
            return new Verdict.Refused("The price of " + plan.get().key() + " is now " + plan.get().stars()
                    + " stars, not " + (totalAmount != payload.stars() ? totalAmount : payload.stars())
                    + ". Send /subscribe for a new invoice.");
        }
        return new Verdict.Accepted(plan.get());
    }

    private static String excerpt(String value) {
        String text = value == null ? "nothing" : value;
        return text.length() > 8 ? text.substring(0, 8) + "…" : text;
    }
}

package com.alphacast.core.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alphacast.core.distribution.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceListTest {

    private final PriceList prices = new PriceList(List.of(new Plan(Tier.PREMIUM, 30, 500), new Plan(Tier.BASIC, 30, 150)));

    @Test
    void acceptsPayloadNamingACurrentPlanAtItsPriceInStars() {
        String payload = InvoicePayload.of(new Plan(Tier.PREMIUM, 30, 500)).encode();
        assertEquals("sub:v1:premium:30d:500", payload);
        PriceList.Verdict verdict = prices.verify(payload, "XTR", 500);
        assertEquals(new Plan(Tier.PREMIUM, 30, 500), assertInstanceOf(PriceList.Verdict.Accepted.class, verdict).plan());
    }

    @Test
    void refusesChangedPriceUnknownPlanOtherCurrencyAndForeignPayload() {
        assertTrue(refusal(prices.verify("sub:v1:premium:30d:400", "XTR", 400)).contains("now 500 stars, not 400"));
        assertTrue(refusal(prices.verify("sub:v1:premium:30d:500", "XTR", 1)).contains("not 1"));
        assertTrue(refusal(prices.verify("sub:v1:premium:7d:100", "XTR", 100)).contains("no longer sold"));
        assertTrue(refusal(prices.verify("sub:v1:gold:30d:100", "XTR", 100)).contains("unknown tier 'gold'"));
        assertTrue(refusal(prices.verify("sub:v1:premium:30d:500", "USD", 500)).contains("Telegram Stars (XTR)"));
        // the real fixture's payload (testdata/telegram/updates/pre_checkout_query.json)
        assertTrue(refusal(prices.verify("thedata", "USD", 100)).contains("not one of ours"));
        assertTrue(refusal(prices.verify("sub:v1:premium:30x:500", "XTR", 500)).contains("malformed"));
    }

    @Test
    void refusesNonPositivePricesAndDuplicatePlans() {
        assertThrows(IllegalArgumentException.class, () -> new Plan(Tier.PREMIUM, 30, 0));
        assertThrows(IllegalArgumentException.class, () -> new Plan(Tier.FREE, 30, 10));
        assertThrows(IllegalArgumentException.class, () -> new PriceList(List.of(new Plan(Tier.BASIC, 30, 1),
                new Plan(Tier.BASIC, 30, 2))));
    }

    private static String refusal(PriceList.Verdict verdict) {
        return assertInstanceOf(PriceList.Verdict.Refused.class, verdict).reason();
    }
}

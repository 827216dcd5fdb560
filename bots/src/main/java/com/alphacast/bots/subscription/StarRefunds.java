package com.alphacast.bots.subscription;

import java.util.Objects;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Gives Stars back ({@code refundStarPayment}); made at once, because access is revoked only after it succeeded. */
public final class StarRefunds {

    private final TelegramClient client;

    public StarRefunds(TelegramClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** @throws IllegalStateException with Telegram's answer when the refund was refused (already refunded, unknown) */
    public void refund(String userId, String chargeId) {
        try {
            Boolean ok = client.execute(RefundStarPayment.builder().userId(Long.parseLong(userId))
                    .telegramPaymentChargeId(chargeId).build());
            if (!Boolean.TRUE.equals(ok)) {
                throw new IllegalStateException("Telegram did not confirm the refund of " + chargeId);
            }
        } catch (TelegramApiException e) {
            throw new IllegalStateException("Telegram refused the refund of " + chargeId + ": " + PremiumChats.problem(e), e);
        }
    }
}

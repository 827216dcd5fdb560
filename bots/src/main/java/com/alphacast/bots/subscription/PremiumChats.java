package com.alphacast.bots.subscription;

import java.time.Instant;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.methods.groupadministration.BanChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;
import org.telegram.telegrambots.meta.api.methods.groupadministration.UnbanChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ChatInviteLink;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram calls that guard the premium chats, made at once because their answers matter: an invite link must
 * exist before it is sent, and a removal must have happened before the subscription is marked swept.
 */
public final class PremiumChats {

    private final TelegramClient client;

    public PremiumChats(TelegramClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * A link that admits one person ({@code member_limit} 1) and stops working at {@code expiresAt}, so a payer cannot
     * pass it around and an unused link does not outlive the offer.
     */
    public String singleUseInvite(String chatId, String userId, Instant expiresAt) {
        try {
            ChatInviteLink link = client.execute(CreateChatInviteLink.builder().chatId(chatId)
                    .name("subscriber " + userId).memberLimit(1).expireDate((int) expiresAt.getEpochSecond()).build());
            return link.getInviteLink();
        } catch (TelegramApiException e) {
            throw new IllegalStateException("Telegram refused an invite link to chat " + chatId + ": " + problem(e), e);
        }
    }

    /**
     * Removes a member without a lasting ban: {@code banChatMember} then {@code unbanChatMember} with
     * {@code only_if_banned}, so the user may rejoin with a new link after renewing. A user who is no longer in the
     * chat (Telegram answers 400) counts as removed.
     */
    public void remove(String chatId, String userId) {
        try {
            client.execute(BanChatMember.builder().chatId(chatId).userId(Long.parseLong(userId)).revokeMessages(false).build());
            client.execute(UnbanChatMember.builder().chatId(chatId).userId(Long.parseLong(userId)).onlyIfBanned(true).build());
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() == null || e.getErrorCode() != 400) {
                throw new IllegalStateException("Telegram refused to remove " + userId + " from " + chatId + ": " + problem(e), e);
            }
        } catch (TelegramApiException e) {
            throw new IllegalStateException("Telegram refused to remove " + userId + " from " + chatId + ": " + problem(e), e);
        }
    }

    /**
     * A private message to a user; false when the user blocked the bot or never started it (403/400), which must not
     * hold up the sweep.
     */
    public boolean tell(String userId, String text) {
        try {
            client.execute(SendMessage.builder().chatId(userId).text(text).build());
            return true;
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() != null && (e.getErrorCode() == 403 || e.getErrorCode() == 400)) {
                return false;
            }
            throw new IllegalStateException("Telegram refused a message to " + userId + ": " + problem(e), e);
        } catch (TelegramApiException e) {
            throw new IllegalStateException("Telegram refused a message to " + userId + ": " + problem(e), e);
        }
    }

    static String problem(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException request) {
            return request.getErrorCode() + " " + request.getApiResponse();
        }
        return e.getClass().getSimpleName();
    }
}

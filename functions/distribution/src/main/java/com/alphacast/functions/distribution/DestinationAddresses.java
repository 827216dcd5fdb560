package com.alphacast.functions.distribution;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.bots.discord.DiscordDestination;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.settings.DistributionSettings;
import com.alphacast.core.settings.TierPolicy;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks every configured destination is an address its platform accepts, when the function starts, so
 * a typo fails the deployment instead of every delivery to that destination.
 */
final class DestinationAddresses {

    /** A numeric chat id (negative for groups and channels) or a public {@code @channelusername}. */
    private static final Pattern TELEGRAM_CHAT = Pattern.compile("-?[1-9][0-9]{0,19}|@[A-Za-z][A-Za-z0-9_]{4,31}");
    /** The account posted as: an X handle. */
    private static final Pattern X_ACCOUNT = Pattern.compile("@?[A-Za-z0-9_]{1,15}");

    private DestinationAddresses() {
    }

    /** @param source the settings file, named in the error */
    static void validate(DistributionSettings settings, String source) {
        for (Map.Entry<Tier, TierPolicy> tier : settings.tiers().entrySet()) {
            for (Map.Entry<Channel, List<String>> channel : tier.getValue().destinations().entrySet()) {
                List<String> destinations = channel.getValue();
                for (int i = 0; i < destinations.size(); i++) {
                    String problem = problem(channel.getKey(), destinations.get(i));
                    if (problem != null) {
                        throw new ConfigException(source + ": distribution.tiers." + tier.getKey().key()
                                + ".destinations." + channel.getKey().key() + "[" + i + "]: " + problem);
                    }
                }
            }
        }
    }

    private static String problem(Channel channel, String destination) {
        switch (channel) {
            case TELEGRAM:
                return TELEGRAM_CHAT.matcher(destination).matches() ? null
                        : "a Telegram chat must be a numeric chat id or @channelusername, was '" + destination + "'";
            case DISCORD:
                try {
                    DiscordDestination.parse(destination);
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            case X:
                return X_ACCOUNT.matcher(destination).matches() ? null
                        : "an X destination must be the posting account's handle, was '" + destination + "'";
            default:
                throw new IllegalStateException("unhandled channel " + channel);
        }
    }
}

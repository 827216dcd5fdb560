package com.alphacast.core.settings;

import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Tiers, channels and where the outbox lives.
 *
 * @param outboxDirectory directory of the outbox sink's files, relative to the project home and inside its
 *                        {@code .alphacast/} directory (the demo empties it on every run, so it must be ours)
 * @param tiers           policy per tier
 * @param channels        sink per channel
 */
public record DistributionSettings(String outboxDirectory, Map<Tier, TierPolicy> tiers,
                                   Map<Channel, ChannelSettings> channels) {

    public DistributionSettings {
        checkOutboxDirectory(outboxDirectory);
        tiers = Map.copyOf(tiers);
        channels = Map.copyOf(channels);
    }

    /**
     * @throws IllegalArgumentException unless {@code directory} is a relative path below {@code .alphacast/} with no
     *                                  {@code ..} segment
     */
    public static void checkOutboxDirectory(String directory) {
        Path path;
        try {
            path = Path.of(directory);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path: " + e.getMessage());
        }
        if (path.isAbsolute() || directory.startsWith("/") || directory.startsWith("\\")) {
            throw new IllegalArgumentException("must be a relative path inside .alphacast/ (like .alphacast/outbox), "
                    + "was the absolute path '" + directory + "'");
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw new IllegalArgumentException("must not contain '..', was '" + directory + "'");
            }
        }
        Path normal = path.normalize();
        if (normal.getNameCount() < 2 || !normal.getName(0).toString().equals(".alphacast")) {
            throw new IllegalArgumentException("must be a directory inside .alphacast/ (like .alphacast/outbox), was '"
                    + directory + "'");
        }
    }
}

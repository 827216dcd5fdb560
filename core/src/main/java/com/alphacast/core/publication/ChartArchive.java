package com.alphacast.core.publication;

import java.util.Optional;

/**
 * Where the chart of a publication that has one ({@link Publication.MorningBriefing#hasChart()}) is kept. The
 * chart travels beside the publication, never inside it: a PNG would not fit in a queue message.
 */
public interface ChartArchive {

    /** The PNG of {@code publicationId}'s chart; empty when none was stored. */
    Optional<byte[]> chart(String publicationId);
}

package com.alphacast.functions.distribution;

import com.alphacast.core.publication.ChartArchive;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the last chart read from the archive: one briefing is rendered for every channel and destination of every
 * tier, and each rendering asks for its chart, so without this one release would read the same PNG from
 * BriefingsTable once per destination. A chart not found is not remembered (it may be stored a moment later); a
 * stored chart never changes (the briefing is written once per session).
 */
final class LatestChart implements ChartArchive {

    private record Entry(String publicationId, byte[] png) {
    }

    private final ChartArchive archive;
    private Entry latest;

    LatestChart(ChartArchive archive) {
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    @Override
    public synchronized Optional<byte[]> chart(String publicationId) {
        if (latest != null && latest.publicationId().equals(publicationId)) {
            return Optional.of(latest.png().clone());
        }
        Optional<byte[]> read = archive.chart(publicationId);
        read.ifPresent(png -> latest = new Entry(publicationId, png.clone()));
        return read;
    }
}

package com.alphacast.core.publication;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Charts kept in memory, for tests of what sends a publication with its chart. */
public final class InMemoryChartArchive implements ChartArchive {

    private final Map<String, byte[]> charts = new ConcurrentHashMap<>();

    public InMemoryChartArchive store(String publicationId, byte[] png) {
        charts.put(publicationId, png.clone());
        return this;
    }

    @Override
    public Optional<byte[]> chart(String publicationId) {
        return Optional.ofNullable(charts.get(publicationId)).map(byte[]::clone);
    }
}

package com.alphacast.feeds.databento;

import com.alphacast.core.fixtures.TestData;
import com.github.luben.zstd.ZstdInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Databento sample files in testdata/databento and the upstream expected decodes beside them. */
final class DbnSamples {

    static final String[] SCHEMAS = {"mbo", "mbp-1", "mbp-10", "tbbo", "trades", "ohlcv-1m", "definition"};

    private DbnSamples() {
    }

    static Path file(String schema) {
        return TestData.file("databento/GLBX.MDP3_ESH1_2020-12-28." + schema + ".dbn.zst");
    }

    static byte[] decompressed(String schema) throws IOException {
        try (InputStream in = new ZstdInputStream(Files.newInputStream(file(schema)))) {
            return in.readAllBytes();
        }
    }

    /** The rows (header dropped) of a CSV string the expectations file holds under {@code key}. */
    static List<String[]> expectedCsv(String key) throws IOException {
        String json = Files.readString(TestData.file("databento/EXPECTED_from_databento-python_tests.json"));
        String marker = "\"" + key + "\": \"";
        int start = json.indexOf(marker);
        if (start < 0) {
            throw new IllegalArgumentException("no " + key + " in the expectations file");
        }
        start += marker.length();
        int end = json.indexOf('"', start);
        String csv = json.substring(start, end).replace("\\n", "\n");
        List<String[]> rows = new ArrayList<>();
        String[] lines = csv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            rows.add(lines[i].split(",", -1));
        }
        return rows;
    }
}

package com.alphacast.feeds.databento;

import com.alphacast.core.fuzz.FuzzTries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbnReaderTest {

    /** The sample files' metadata is 360 bytes; records start there. */
    private static final int FIRST_RECORD = 360;

    @Test
    void decodesTheMboSampleAsDatabentoPythonDoes() throws IOException {
        List<String[]> expected = DbnSamples.expectedCsv("mbo_to_csv_raw");
        try (DbnReader reader = DbnReader.open(DbnSamples.file("mbo"))) {
            for (String[] row : expected) {
                assertThat(reader.next()).isTrue();
                DbnRecord r = reader.record();
                assertThat(new String[]{
                        Long.toString(r.tsRecv()), Long.toString(r.tsEvent()), Integer.toString(r.rtype()),
                        Integer.toString(r.publisherId()), Long.toString(r.instrumentId()),
                        String.valueOf(r.action()), String.valueOf(r.side()), Long.toString(r.priceRaw()),
                        Long.toString(r.size()), Integer.toString(r.channelId()), Long.toString(r.orderId()),
                        Integer.toString(r.flags()), Integer.toString(r.tsInDelta()), Long.toString(r.sequence())})
                        .containsExactly(row);
            }
            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void decodesTheMbp1SampleAsDatabentoPythonDoes() throws IOException {
        List<String[]> expected = DbnSamples.expectedCsv("mbp-1_to_csv_raw");
        try (DbnReader reader = DbnReader.open(DbnSamples.file("mbp-1"))) {
            for (String[] row : expected) {
                assertThat(reader.next()).isTrue();
                assertThat(mbpRow(reader.record())).containsExactly(row);
            }
            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void namesTheInstrumentAndPricesAsTheUpstreamPrettyDecode() throws IOException {
        List<String[]> expected = DbnSamples.expectedCsv("mbp-1_to_csv_pretty_ts_pretty_px_map_symbols");
        try (DbnReader reader = DbnReader.open(DbnSamples.file("mbp-1"))) {
            DbnMarketEvents events = new DbnMarketEvents(reader.metadata());
            for (String[] row : expected) {
                assertThat(reader.next()).isTrue();
                DbnRecord r = reader.record();
                assertThat(events.symbol(r.instrumentId())).isEqualTo(row[19]);
                assertThat(DbnRecord.price(r.priceRaw())).isEqualTo(Double.parseDouble(row[8]));
                assertThat(DbnRecord.price(r.bidPriceRaw(0))).isEqualTo(Double.parseDouble(row[13]));
                assertThat(DbnRecord.price(r.askPriceRaw(0))).isEqualTo(Double.parseDouble(row[14]));
                assertThat(java.time.Instant.ofEpochSecond(0, r.tsEvent()).toString()).isEqualTo(row[1]);
            }
        }
    }

    @Test
    void mbp10TopLevelIsTheMbp1BookOfTheSameEvents() throws IOException {
        List<String[]> expected = DbnSamples.expectedCsv("mbp-1_to_csv_raw");
        try (DbnReader reader = DbnReader.open(DbnSamples.file("mbp-10"))) {
            for (String[] row : expected) {
                assertThat(reader.next()).isTrue();
                DbnRecord r = reader.record();
                assertThat(r.rtype()).isEqualTo(DbnRecord.RTYPE_MBP_10);
                assertThat(r.levels()).isEqualTo(10);
                assertThat(mbpRow(r)).containsExactly(withRtype(row, "10"));
                // the tenth level of ESH1's book that night: 3700.00 bid x 38, 3705.00 ask x 35
                assertThat(r.bidPriceRaw(9)).isEqualTo(3_700_000_000_000L);
                assertThat(r.askPriceRaw(9)).isEqualTo(3_705_000_000_000L);
                assertThat(r.bidSize(9)).isEqualTo(38);
                assertThat(r.askSize(9)).isEqualTo(35);
            }
            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void tbboCarriesTheTradesOfTheTradesFileWithTheBookTheyMet() throws IOException {
        try (DbnReader trades = DbnReader.open(DbnSamples.file("trades"));
             DbnReader tbbo = DbnReader.open(DbnSamples.file("tbbo"))) {
            int n = 0;
            while (trades.next()) {
                assertThat(tbbo.next()).isTrue();
                DbnRecord t = trades.record();
                DbnRecord q = tbbo.record();
                assertThat(t.rtype()).isEqualTo(DbnRecord.RTYPE_MBP_0);
                assertThat(q.rtype()).isEqualTo(DbnRecord.RTYPE_MBP_1);
                assertThat(t.action()).isEqualTo('T');
                assertThat(q.action()).isEqualTo('T');
                assertThat(new long[]{q.tsEvent(), q.tsRecv(), q.priceRaw(), q.size(), q.sequence(), q.side()})
                        .containsExactly(t.tsEvent(), t.tsRecv(), t.priceRaw(), t.size(), t.sequence(), t.side());
                assertThat(q.bidPriceRaw(0)).isEqualTo(3_702_500_000_000L);
                assertThat(q.askPriceRaw(0)).isEqualTo(3_702_750_000_000L);
                n++;
            }
            assertThat(n).isEqualTo(4);
            assertThat(tbbo.next()).isFalse();
        }
    }

    @Test
    void decodesTradesWithAggressorSideAndSequence() throws IOException {
        try (DbnReader reader = DbnReader.open(DbnSamples.file("trades"))) {
            assertThat(reader.next()).isTrue();
            DbnRecord r = reader.record();
            assertThat(r.tsEvent()).isEqualTo(1_609_113_600_246_507_011L);
            assertThat(r.tsRecv()).isEqualTo(1_609_113_600_246_821_748L);
            assertThat(DbnRecord.price(r.priceRaw())).isEqualTo(3702.75);
            assertThat(r.size()).isEqualTo(1);
            assertThat(r.side()).isEqualTo('B');
            assertThat(r.sequence()).isEqualTo(145_885);
            assertThat(reader.next()).isTrue();
            assertThat(reader.next()).isTrue();
            assertThat(reader.record().side()).isEqualTo('A');
            assertThat(reader.record().priceRaw()).isEqualTo(3_702_500_000_000L);
        }
    }

    @Test
    void decodesOneMinuteBars() throws IOException {
        try (DbnReader reader = DbnReader.open(DbnSamples.file("ohlcv-1m"))) {
            assertThat(reader.metadata().schema()).isEqualTo(DbnSchema.OHLCV_1M.code());
            assertThat(reader.next()).isTrue();
            DbnRecord r = reader.record();
            assertThat(r.rtype()).isEqualTo(0x21);
            assertThat(r.tsEvent()).isEqualTo(1_609_113_600_000_000_000L);
            assertThat(new long[]{r.openRaw(), r.highRaw(), r.lowRaw(), r.closeRaw(), r.volume()}).containsExactly(
                    3_702_750_000_000L, 3_704_750_000_000L, 3_702_500_000_000L, 3_704_750_000_000L, 306L);
            long minute = r.tsEvent();
            int bars = 1;
            while (reader.next()) {
                assertThat(reader.record().tsEvent()).isEqualTo(minute + 60_000_000_000L * bars);
                bars++;
            }
            assertThat(bars).isEqualTo(4);
        }
    }

    @Test
    void readsTheInstrumentDefinitionsRawSymbol() throws IOException {
        try (DbnReader reader = DbnReader.open(DbnSamples.file("definition"))) {
            assertThat(reader.next()).isTrue();
            DbnRecord r = reader.record();
            assertThat(r.isInstrumentDefinition()).isTrue();
            assertThat(r.length()).isEqualTo(520);
            assertThat(r.instrumentId()).isEqualTo(5482);
            assertThat(r.rawSymbol()).isEqualTo("ESH1");
            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void everySampleIsVersion3WithItsSchemaAndTheEsh1Mapping() throws IOException {
        for (String schema : DbnSamples.SCHEMAS) {
            try (DbnReader reader = DbnReader.open(DbnSamples.file(schema))) {
                DbnMetadata m = reader.metadata();
                assertThat(m.version()).isEqualTo(3);
                assertThat(m.dataset()).isEqualTo("GLBX.MDP3");
                assertThat(DbnSchema.of(m.schema()).name().toLowerCase().replace('_', '-')).isEqualTo(schema);
                assertThat(m.symbols()).containsExactly("ESH1");
                assertThat(m.stypeOut()).isEqualTo(DbnMetadata.STYPE_INSTRUMENT_ID);
                assertThat(m.mappings()).singleElement().satisfies(mapping -> {
                    assertThat(mapping.rawSymbol()).isEqualTo("ESH1");
                    assertThat(mapping.intervals()).containsExactly(
                            new DbnMetadata.MappingInterval(20201228, 20201229, "5482"));
                });
                int records = 0;
                while (reader.next()) {
                    records++;
                }
                assertThat(records).as(schema).isEqualTo(schema.equals("definition") ? 1 : 4);
            }
        }
    }

    @Test
    void readsAnUncompressedFile(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("trades.dbn");
        Files.write(plain, DbnSamples.decompressed("trades"));
        try (DbnReader reader = DbnReader.open(plain)) {
            int n = 0;
            while (reader.next()) {
                n++;
            }
            assertThat(n).isEqualTo(4);
        }
    }

    @Test
    void refusesAFileCutInsideARecordNamingWhereAndHowMuchIsMissing(@TempDir Path dir) throws IOException {
        byte[] whole = DbnSamples.decompressed("trades");
        Path cut = dir.resolve("cut.dbn");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 10));
        assertThatThrownBy(() -> readAll(cut)).isInstanceOf(DbnFormatException.class)
                .hasMessageContaining(cut.toString())
                .hasMessageContaining("at byte " + (FIRST_RECORD + 3 * 48))
                .hasMessageContaining("truncated").hasMessageContaining("10 bytes missing");
    }

    @Test
    void refusesACompressedFileCutShort(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(DbnSamples.file("mbp-10"));
        Path cut = dir.resolve("cut.dbn.zst");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 20));
        assertThatThrownBy(() -> readAll(cut)).isInstanceOf(DbnFormatException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("at byte ");
    }

    @Test
    void refusesAFileCutInsideTheMetadata(@TempDir Path dir) throws IOException {
        Path cut = dir.resolve("meta.dbn");
        Files.write(cut, Arrays.copyOf(DbnSamples.decompressed("trades"), 200));
        assertThatThrownBy(() -> readAll(cut)).isInstanceOf(DbnFormatException.class)
                .hasMessageContaining("at byte 8").hasMessageContaining("metadata of 352 bytes")
                .hasMessageContaining("truncated");
    }

    @Test
    void refusesAFileThatIsNotDbn(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("trades.dbn");
        Files.writeString(csv, "Date and Time,Price,Volume\n");
        assertThatThrownBy(() -> readAll(csv)).isInstanceOf(DbnFormatException.class)
                .hasMessageContaining(csv + " at byte 0: not a DBN file");
    }

    @Test
    void namesTheVersionOfAFileCutRightAfterIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("v1.dbn");
        Files.write(file, "DBN\u0001".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(DbnFormatException.class)
                .hasMessageContaining("at byte 3: DBN version 1 is not supported");
        Path v3 = dir.resolve("v3.dbn");
        Files.write(v3, "DBN\u0003\u0060".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> readAll(v3)).isInstanceOf(DbnFormatException.class)
                .hasMessageContaining("at byte 4: truncated").hasMessageContaining("metadata length of 4 bytes");
    }

    @Test
    void refusesVersionsOtherThanTwoAndThree(@TempDir Path dir) throws IOException {
        for (int version : new int[]{1, 4}) {
            byte[] bytes = DbnSamples.decompressed("trades");
            bytes[3] = (byte) version;
            Path file = dir.resolve("v" + version + ".dbn");
            Files.write(file, bytes);
            assertThatThrownBy(() -> readAll(file)).isInstanceOf(DbnFormatException.class)
                    .hasMessageContaining("at byte 3: DBN version " + version + " is not supported");
        }
    }

    @Test
    void readsVersion2Definitions() {
        byte[] bytes = version2Definition();
        DbnReader reader = new DbnReader(new ByteArrayInputStream(bytes), "v2.dbn");
        assertThat(reader.metadata().version()).isEqualTo(2);
        assertThat(reader.next()).isTrue();
        assertThat(reader.record().length()).isEqualTo(400);
        assertThat(reader.record().rawSymbol()).isEqualTo("NQZ4");
        assertThat(reader.next()).isFalse();
    }

    @Test
    void refusesAnRtypeItDoesNotReadNamingVersionAndRtype(@TempDir Path dir) throws IOException {
        byte[] bytes = DbnSamples.decompressed("trades");
        bytes[FIRST_RECORD + 48 + 1] = 0x15; // the second record becomes an error message
        Path file = dir.resolve("error.dbn");
        Files.write(file, bytes);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(DbnFormatException.class)
                .hasMessageContaining("at byte " + (FIRST_RECORD + 48))
                .hasMessageContaining("DBN version 3 record of rtype 0x15 is not one this decoder reads");
    }

    @Test
    void refusesARecordShorterThanItsType(@TempDir Path dir) throws IOException {
        byte[] bytes = DbnSamples.decompressed("mbp-1");
        bytes[FIRST_RECORD] = 12; // 48 bytes: an MBP-1 record needs 80
        Path file = dir.resolve("short.dbn");
        Files.write(file, bytes);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(DbnFormatException.class)
                .hasMessageContaining("at byte " + FIRST_RECORD)
                .hasMessageContaining("rtype 0x1 is 48 bytes long, its DBN version 3 layout needs 80");
    }

    @Test
    void refusesARecordLengthRunningPastTheEndOfTheFile(@TempDir Path dir) throws IOException {
        byte[] bytes = DbnSamples.decompressed("trades");
        int last = FIRST_RECORD + 3 * 48;
        bytes[last] = (byte) 200; // 800 bytes, the file has 48 left
        Path file = dir.resolve("overrun.dbn");
        Files.write(file, bytes);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(DbnFormatException.class)
                .hasMessageContaining("at byte " + last)
                .hasMessageContaining("truncated").hasMessageContaining("record of 800 bytes");
    }

    @Test
    void refusesMetadataWhoseSymbolCountRunsPastIt() throws IOException {
        byte[] bytes = DbnSamples.decompressed("trades");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(0x70, 1_000_000);
        assertThatThrownBy(() -> new DbnReader(new ByteArrayInputStream(bytes), "symbols.dbn"))
                .isInstanceOf(DbnFormatException.class)
                .hasMessageContaining("symbols.dbn at byte 112: metadata says 1000000 symbols");
    }

    @Test
    void anyCorruptionEndsInADbnFormatErrorOrAFullRead() throws IOException {
        byte[] original = DbnSamples.decompressed("mbp-10");
        new FuzzTries("dbn-corruption", 11L, 300).check(random -> {
            byte[] bytes = original.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            return bytes;
        }, bytes -> java.util.HexFormat.of().formatHex(bytes), bytes -> {
            try {
                DbnReader reader = new DbnReader(new ByteArrayInputStream(bytes), "fuzz.dbn");
                while (reader.next()) {
                    reader.record().rtype();
                }
                assertThat(reader.recordOffset()).isEqualTo(bytes.length);
            } catch (DbnFormatException expected) {
                assertThat(expected.getMessage()).startsWith("fuzz.dbn at byte ");
            }
        });
    }

    @Test
    void decodingTradesAndTopOfBookAllocatesNothingPerRecord() throws IOException {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
        for (String schema : new String[]{"trades", "mbp-1"}) {
            byte[] sample = DbnSamples.decompressed(schema);
            int records = 100_000;
            int size = (sample.length - FIRST_RECORD) / 4;
            byte[] big = new byte[FIRST_RECORD + records * size];
            System.arraycopy(sample, 0, big, 0, FIRST_RECORD);
            for (int i = 0; i < records; i++) {
                System.arraycopy(sample, FIRST_RECORD + (i % 4) * size, big, FIRST_RECORD + i * size, size);
            }
            DbnReader reader = new DbnReader(new ByteArrayInputStream(big), schema);
            DbnMarketEvents events = new DbnMarketEvents(reader.metadata());
            com.alphacast.feeds.fixtures.RecordingListener listener =
                    new com.alphacast.feeds.fixtures.RecordingListener(com.alphacast.core.book.DepthProtocol.SPOT);
            long before = counter.getCurrentThreadAllocatedBytes();
            while (reader.next()) {
                events.emit(reader.record(), 0, listener);
            }
            long allocated = counter.getCurrentThreadAllocatedBytes() - before;
            assertThat(reader.records()).isEqualTo(records);
            // a string or a boxed value per record would be >= 16 bytes each
            assertThat(allocated).as(schema + " bytes allocated over " + records + " records").isLessThan(records);
        }
    }

    private static String[] mbpRow(DbnRecord r) {
        return new String[]{
                Long.toString(r.tsRecv()), Long.toString(r.tsEvent()), Integer.toString(r.rtype()),
                Integer.toString(r.publisherId()), Long.toString(r.instrumentId()), String.valueOf(r.action()),
                String.valueOf(r.side()), Integer.toString(r.depth()), Long.toString(r.priceRaw()),
                Long.toString(r.size()), Integer.toString(r.flags()), Integer.toString(r.tsInDelta()),
                Long.toString(r.sequence()), Long.toString(r.bidPriceRaw(0)), Long.toString(r.askPriceRaw(0)),
                Long.toString(r.bidSize(0)), Long.toString(r.askSize(0)), Long.toString(r.bidCount(0)),
                Long.toString(r.askCount(0))};
    }

    private static String[] withRtype(String[] row, String rtype) {
        String[] copy = row.clone();
        copy[2] = rtype;
        return copy;
    }

    private static void readAll(Path file) throws IOException {
        try (DbnReader reader = DbnReader.open(file)) {
            while (reader.next()) {
                reader.record().rtype();
            }
        }
    }

    /** A version 2 file with one 400-byte definition whose raw_symbol (offset 200) is NQZ4. */
    private static byte[] version2Definition() {
        try {
            byte[] v3 = DbnSamples.decompressed("definition");
            ByteBuffer out = ByteBuffer.allocate(FIRST_RECORD + 400).order(ByteOrder.LITTLE_ENDIAN);
            out.put(v3, 0, FIRST_RECORD);
            out.put(3, (byte) 2);
            int record = FIRST_RECORD;
            out.put(record, (byte) 100);
            out.put(record + 1, (byte) 0x13);
            out.putInt(record + 4, 5482);
            byte[] symbol = "NQZ4".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < symbol.length; i++) {
                out.put(record + 200 + i, symbol[i]);
            }
            return out.array();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

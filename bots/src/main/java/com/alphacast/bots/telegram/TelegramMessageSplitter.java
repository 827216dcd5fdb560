package com.alphacast.bots.telegram;

import com.alphacast.bots.telegram.TelegramText.Line;
import com.alphacast.bots.telegram.TelegramText.Run;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a message into HTML chunks that each stay within Telegram's limit of characters after entity
 * parsing. Cuts fall between lines where possible, otherwise between words of one run, and each piece of
 * a run is re-wrapped in its own tags, so no chunk ever opens an entity it does not close.
 */
public final class TelegramMessageSplitter {

    /** Telegram's limit for a text message after entity parsing. */
    public static final int TEXT_LIMIT = 4096;

    private final int limit;

    public TelegramMessageSplitter(int limit) {
        if (limit < 16) {
            throw new IllegalArgumentException("limit must be at least 16 characters, was " + limit);
        }
        this.limit = limit;
    }

    public TelegramMessageSplitter() {
        this(TEXT_LIMIT);
    }

    public List<String> split(TelegramText text) {
        List<Line> fitted = new ArrayList<>();
        for (Line line : text.lines()) {
            fitted.addAll(fit(line));
        }
        List<String> chunks = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        int currentLength = 0;
        for (Line line : fitted) {
            int added = (current.isEmpty() ? 0 : 1) + line.length();
            if (!current.isEmpty() && currentLength + added > limit) {
                flush(current, chunks);
                current = new ArrayList<>();
                currentLength = 0;
                added = line.length();
            }
            if (current.isEmpty() && line.isBlank()) {
                continue; // a chunk never starts with an empty line
            }
            current.add(line);
            currentLength += added;
        }
        flush(current, chunks);
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("message has no visible text");
        }
        return chunks;
    }

    private static void flush(List<Line> lines, List<String> chunks) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        if (end == 0) {
            return;
        }
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < end; i++) {
            if (i > 0) {
                html.append('\n');
            }
            html.append(lines.get(i).html());
        }
        chunks.add(html.toString());
    }

    /** Breaks one line that is longer than the limit into lines that fit. */
    private List<Line> fit(Line line) {
        if (line.length() <= limit) {
            return List.of(line);
        }
        List<Line> out = new ArrayList<>();
        List<Run> current = new ArrayList<>();
        int currentLength = 0;
        for (Run run : line.runs()) {
            String rest = run.text();
            while (!rest.isEmpty()) {
                int room = limit - currentLength;
                if (rest.length() <= room) {
                    current.add(new Run(rest, run.style()));
                    currentLength += rest.length();
                    rest = "";
                } else {
                    int cut = wordCut(rest, room);
                    if (cut < 0 && !current.isEmpty()) {
                        // Better to start the word on a fresh line than to break it.
                        cut = 0;
                    } else if (cut < 0) {
                        cut = hardCut(rest, room);
                    }
                    if (cut == 0) {
                        out.add(new Line(current));
                        current = new ArrayList<>();
                        currentLength = 0;
                        continue;
                    }
                    current.add(new Run(rest.substring(0, cut).stripTrailing(), run.style()));
                    out.add(new Line(current));
                    current = new ArrayList<>();
                    currentLength = 0;
                    rest = rest.substring(cut).stripLeading();
                }
            }
        }
        if (!current.isEmpty()) {
            out.add(new Line(current));
        }
        return out;
    }

    /** Index after the last space that keeps the head within {@code room}, or -1 when there is no good one. */
    private static int wordCut(String text, int room) {
        if (room <= 0) {
            return -1;
        }
        int space = text.lastIndexOf(' ', Math.min(room, text.length() - 1));
        if (space <= 0 || space < room / 2) {
            return -1;
        }
        return Math.min(space + 1, room);
    }

    /** Cuts a word that alone exceeds a line, never between the two halves of a surrogate pair. */
    private static int hardCut(String text, int room) {
        int cut = room;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return cut;
    }
}

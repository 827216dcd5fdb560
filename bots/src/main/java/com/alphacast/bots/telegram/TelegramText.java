package com.alphacast.bots.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Telegram message before it becomes HTML: lines of styled runs. Keeping the structure until the
 * last moment is what lets the splitter cut between runs and lines, never inside an entity.
 */
public record TelegramText(List<Line> lines) {

    public TelegramText {
        lines = List.copyOf(lines);
    }

    public enum Style { PLAIN, BOLD, ITALIC, CODE }

    /** A piece of plain text with one style. */
    public record Run(String text, Style style) {
        public Run {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(style, "style");
        }

        /** Length as Telegram counts it: UTF-16 code units of the text after entity parsing. */
        public int length() {
            return text.length();
        }

        public String html() {
            String escaped = TelegramHtml.escape(text);
            return switch (style) {
                case PLAIN -> escaped;
                case BOLD -> "<b>" + escaped + "</b>";
                case ITALIC -> "<i>" + escaped + "</i>";
                case CODE -> "<code>" + escaped + "</code>";
            };
        }
    }

    public record Line(List<Run> runs) {
        public Line {
            runs = List.copyOf(runs);
        }

        public static Line of(Run... runs) {
            return new Line(List.of(runs));
        }

        public static Line blank() {
            return new Line(List.of());
        }

        public int length() {
            int length = 0;
            for (Run run : runs) {
                length += run.length();
            }
            return length;
        }

        public boolean isBlank() {
            return runs.stream().allMatch(run -> run.text().isBlank());
        }

        public String html() {
            StringBuilder out = new StringBuilder();
            for (Run run : runs) {
                if (!run.text().isEmpty()) {
                    out.append(run.html());
                }
            }
            return out.toString();
        }
    }

    public static final class Builder {
        private final List<Line> lines = new ArrayList<>();

        public Builder line(Run... runs) {
            lines.add(Line.of(runs));
            return this;
        }

        public Builder blank() {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add(Line.blank());
            }
            return this;
        }

        public TelegramText build() {
            return new TelegramText(lines);
        }
    }
}

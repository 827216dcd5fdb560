package com.alphacast.core.feed;

import com.alphacast.core.text.TerminalText;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line (RFC 4180 quoting: fields may be quoted, quotes inside quoted fields are doubled) and remembers
 * each field's 1-based column in characters, so parse errors can point at the exact place. A line of more than
 * {@value #MAX_FIELDS} fields is refused (no format this project reads has more than a few dozen). Numbers go through
 * {@link StrictDecimal}, the one decimal grammar of every reader.
 */
public final class CsvLine {

    public static final int MAX_FIELDS = 4096;

    private final String source;
    private final long lineNumber;
    private final List<String> fields;
    private final List<Integer> columns;

    private CsvLine(String source, long lineNumber, List<String> fields, List<Integer> columns) {
        this.source = source;
        this.lineNumber = lineNumber;
        this.fields = fields;
        this.columns = columns;
    }

    public static CsvLine parse(String source, long lineNumber, String text) {
        List<String> fields = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        int fieldStart = 0;
        while (true) {
            fieldStart = i;
            field.setLength(0);
            if (i < n && text.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else {
                            i++;
                            closed = true;
                            break;
                        }
                    } else {
                        field.append(c);
                        i++;
                    }
                }
                if (!closed) {
                    throw new InputFormatException(source, lineNumber, fieldStart + 1, "unterminated quoted field");
                }
                // Tolerate spaces between the closing quote and the comma.
                while (i < n && text.charAt(i) != ',') {
                    if (!Character.isWhitespace(text.charAt(i))) {
                        throw new InputFormatException(source, lineNumber, i + 1,
                                "unexpected character after quoted field");
                    }
                    i++;
                }
            } else {
                while (i < n && text.charAt(i) != ',') {
                    field.append(text.charAt(i));
                    i++;
                }
            }
            if (fields.size() == MAX_FIELDS) {
                throw new InputFormatException(source, lineNumber, fieldStart + 1,
                        "more than " + MAX_FIELDS + " fields on one line");
            }
            fields.add(field.toString());
            columns.add(fieldStart + 1);
            if (i >= n) {
                break;
            }
            i++; // the comma
        }
        return new CsvLine(source, lineNumber, fields, columns);
    }

    public int size() {
        return fields.size();
    }

    public String field(int index) {
        return fields.get(index);
    }

    /** 1-based character column where field {@code index} starts (or the end of the line if absent). */
    public int column(int index) {
        return index < columns.size() ? columns.get(index) : (columns.isEmpty() ? 1 : columns.get(columns.size() - 1));
    }

    public long lineNumber() {
        return lineNumber;
    }

    public String source() {
        return source;
    }

    public List<String> fields() {
        return List.copyOf(fields);
    }

    public String require(int index, String name) {
        if (index >= fields.size()) {
            throw error(index, "missing column '" + name + "' (line has " + fields.size() + " fields)");
        }
        return fields.get(index).trim();
    }

    /**
     * A finite decimal number ({@link StrictDecimal}); thousands separators inside the field ("1,234.5") are accepted
     * when they group by three.
     */
    public double number(int index, String name) {
        String text = require(index, name);
        String plain = withoutThousandsSeparators(text);
        double value = plain == null ? Double.NaN : StrictDecimal.parseOrNaN(plain);
        if (Double.isNaN(value)) {
            throw error(index, "unparseable number '" + TerminalText.excerpt(text) + "' in column '" + name + "'");
        }
        return value;
    }

    /** A number within {@code [min, max]}, the column's domain. */
    public double number(int index, String name, double min, double max) {
        double value = number(index, name);
        if (value < min || value > max) {
            throw error(index, "'" + name + "' must be within " + plain(min) + ".." + plain(max) + ", was "
                    + TerminalText.excerpt(fields.get(index).trim()));
        }
        return value;
    }

    /** A number, or NaN when the field is empty (quotes feeds leave untraded fields blank). */
    public double optionalNumber(int index, String name) {
        if (index >= fields.size() || fields.get(index).isBlank()) {
            return Double.NaN;
        }
        return number(index, name);
    }

    /** {@link #optionalNumber(int, String)} within {@code [min, max]}. */
    public double optionalNumber(int index, String name, double min, double max) {
        if (index >= fields.size() || fields.get(index).isBlank()) {
            return Double.NaN;
        }
        return number(index, name, min, max);
    }

    /** A whole number of at most 9e15 in magnitude; "12.0" is accepted, "12.5" is not. */
    public long wholeNumber(int index, String name) {
        String text = require(index, name);
        double value = number(index, name);
        if (value != Math.rint(value) || Math.abs(value) > 9.0e15) {
            throw error(index, "expected a whole number in column '" + name + "', was '"
                    + TerminalText.excerpt(text) + "'");
        }
        String plain = withoutThousandsSeparators(text);
        if (plain != null && plain.length() <= 18 && plain.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(plain); // exact, even beyond 2^53
        }
        return (long) value;
    }

    /** A bound as a reader would type it: whole numbers without ".0". */
    public static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** "1,234,567.5" to "1234567.5"; null when commas are present but do not group the integer part by three. */
    public static String withoutThousandsSeparators(String text) {
        if (text.indexOf(',') < 0) {
            return text;
        }
        int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        int point = text.indexOf('.');
        int end = point < 0 ? text.length() : point;
        if (text.indexOf(',', end) >= 0) {
            return null;
        }
        String[] groups = text.substring(start, end).split(",", -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return null;
        }
        for (int g = 1; g < groups.length; g++) {
            if (groups[g].length() != 3) {
                return null;
            }
        }
        return text.replace(",", "");
    }

    public InputFormatException error(int index, String problem) {
        return new InputFormatException(source, lineNumber, column(index), problem);
    }
}

package com.alphacast.core.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line (RFC 4180 quoting: fields may be quoted, quotes inside quoted fields are doubled) and remembers
 * each field's 1-based column in characters, so parse errors can point at the exact place.
 */
public final class CsvLine {

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

    /** A decimal number; thousands separators inside the field ("1,234.5") are accepted. */
    public double number(int index, String name) {
        String text = require(index, name);
        try {
            return Double.parseDouble(text.indexOf(',') >= 0 ? text.replace(",", "") : text);
        } catch (NumberFormatException e) {
            throw error(index, "unparseable number '" + text + "' in column '" + name + "'");
        }
    }

    /** A number, or NaN when the field is empty (quotes feeds leave untraded fields blank). */
    public double optionalNumber(int index, String name) {
        if (index >= fields.size() || fields.get(index).isBlank()) {
            return Double.NaN;
        }
        return number(index, name);
    }

    /** A whole number; "12.0" is accepted, "12.5" is not. */
    public long wholeNumber(int index, String name) {
        String text = require(index, name);
        try {
            return Long.parseLong(text.indexOf(',') >= 0 ? text.replace(",", "") : text);
        } catch (NumberFormatException e) {
            double value = number(index, name);
            if (value != Math.rint(value) || Math.abs(value) > 9.0e15) {
                throw error(index, "expected a whole number in column '" + name + "', was '" + text + "'");
            }
            return (long) value;
        }
    }

    public InputFormatException error(int index, String problem) {
        return new InputFormatException(source, lineNumber, column(index), problem);
    }
}

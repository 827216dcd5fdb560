package com.alphacast.localcloud.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens, keeping each token's position for DynamoDB's "near" in syntax errors. */
final class Lexer {

    enum Kind { IDENTIFIER, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, NUMBER, SYMBOL, INVALID, EOF }

    record Token(Kind kind, String text, int start, int end) {
        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isKeyword(String keyword) {
            return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
        }
    }

    private Lexer() {
    }

    /** Returns the tokens, ending with EOF. */
    static List<Token> tokens(String source) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '#' || c == ':') {
                i++;
                while (i < n && isWordChar(source.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(c == '#' ? Kind.NAME_PLACEHOLDER : Kind.VALUE_PLACEHOLDER,
                        source.substring(start, i), start, i));
            } else if (Character.isDigit(c)) {
                while (i < n && isWordChar(source.charAt(i))) {
                    i++;
                }
                String text = source.substring(start, i);
                tokens.add(new Token(text.chars().allMatch(Character::isDigit) ? Kind.NUMBER : Kind.IDENTIFIER,
                        text, start, i));
            } else if (isWordChar(c)) {
                while (i < n && isWordChar(source.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENTIFIER, source.substring(start, i), start, i));
            } else if ((c == '<' || c == '>') && i + 1 < n && (source.charAt(i + 1) == '=' || (c == '<' && source.charAt(i + 1) == '>'))) {
                i += 2;
                tokens.add(new Token(Kind.SYMBOL, source.substring(start, i), start, i));
            } else if ("()[],.=<>+-".indexOf(c) >= 0) {
                i++;
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), start, i));
            } else {
                // An unknown character is a token no grammar rule accepts: the parser reports it as a syntax error.
                i++;
                tokens.add(new Token(Kind.INVALID, String.valueOf(c), start, i));
            }
        }
        tokens.add(new Token(Kind.EOF, "<EOF>", n, n));
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}

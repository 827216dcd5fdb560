package com.alphacast.localcloud.dynamodb.expression;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for DynamoDB's expression language: conditions (and filters and key conditions), update
 * expressions and projection expressions. Errors carry DynamoDB's messages, prefixed with the expression's name.
 */
public final class ExpressionParser {

    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");

    private final String kind;
    private final String source;
    private final List<Lexer.Token> tokens;
    private final ExpressionAttributes attributes;
    private int position;
    private String undefined;

    private ExpressionParser(String kind, String source, ExpressionAttributes attributes) {
        this.kind = kind;
        this.source = source;
        this.attributes = attributes;
        if (source.isBlank()) {
            throw invalid("The expression can not be empty;");
        }
        this.tokens = Lexer.tokens(source);
    }

    /** Parses a ConditionExpression, FilterExpression or KeyConditionExpression ({@code kind} names which). */
    public static Condition condition(String kind, String source, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser(kind, source, attributes);
        Condition condition = parser.parseOr();
        parser.expectEnd();
        parser.failOnUndefined();
        new ConditionChecks(parser::invalid).check(condition);
        return condition;
    }

    public static List<UpdateAction> update(String source, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser("UpdateExpression", source, attributes);
        List<UpdateAction> actions = parser.parseUpdate();
        parser.failOnUndefined();
        new UpdateChecks(parser::invalid).check(actions);
        return actions;
    }

    public static List<Path> projection(String source, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser("ProjectionExpression", source, attributes);
        List<Path> paths = new ArrayList<>();
        paths.add(parser.parsePath());
        while (parser.peek().is(",")) {
            parser.position++;
            paths.add(parser.parsePath());
        }
        parser.expectEnd();
        parser.failOnUndefined();
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (paths.get(i).overlaps(paths.get(j))) {
                    throw parser.invalid("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                            + paths.get(i).describe() + ", path two: " + paths.get(j).describe());
                }
            }
        }
        return paths;
    }

    DynamoDbException invalid(String message) {
        return DynamoDbException.validation("Invalid " + kind + ": " + message);
    }

    private void failOnUndefined() {
        if (undefined != null) {
            throw invalid(undefined);
        }
    }

    // ---- conditions

    private Condition parseOr() {
        Condition left = parseAnd();
        while (peek().isKeyword("OR")) {
            position++;
            left = new Condition.Or(left, parseAnd());
        }
        return left;
    }

    private Condition parseAnd() {
        Condition left = parseNot();
        while (peek().isKeyword("AND")) {
            position++;
            left = new Condition.And(left, parseNot());
        }
        return left;
    }

    private Condition parseNot() {
        if (peek().isKeyword("NOT")) {
            position++;
            return new Condition.Not(parseNot());
        }
        return parsePrimary();
    }

    private Condition parsePrimary() {
        Lexer.Token token = peek();
        if (token.is("(")) {
            position++;
            Condition inner = parseOr();
            expect(")");
            return inner;
        }
        if (token.kind() == Lexer.Kind.IDENTIFIER && peek(1).is("(") && !token.text().equals("size")) {
            String name = token.text();
            if (!CONDITION_FUNCTIONS.contains(name)) {
                if (name.equals("if_not_exists") || name.equals("list_append")) {
                    throw invalid("The function is not allowed to be used this way in an expression; function: " + name);
                }
                throw invalid("Invalid function name; function: " + name);
            }
            position += 2;
            List<Operand> arguments = new ArrayList<>();
            arguments.add(parseOperand());
            while (peek().is(",")) {
                position++;
                arguments.add(parseOperand());
            }
            expect(")");
            return new Condition.Function(name, arguments);
        }
        Operand left = parseOperand();
        Lexer.Token next = peek();
        boolean continues = (next.kind() == Lexer.Kind.SYMBOL && COMPARATORS.contains(next.text()))
                || next.isKeyword("BETWEEN") || next.isKeyword("IN");
        if (left instanceof Operand.Size && !continues) {
            throw invalid("The function is not allowed to be used this way in an expression; function: size");
        }
        if (next.kind() == Lexer.Kind.SYMBOL && COMPARATORS.contains(next.text())) {
            position++;
            return new Condition.Comparison(next.text(), left, parseOperand());
        }
        if (next.isKeyword("BETWEEN")) {
            position++;
            Operand lower = parseOperand();
            if (!peek().isKeyword("AND")) {
                throw syntaxError(peek());
            }
            position++;
            return new Condition.Between(left, lower, parseOperand());
        }
        if (next.isKeyword("IN")) {
            position++;
            expect("(");
            List<Operand> candidates = new ArrayList<>();
            candidates.add(parseOperand());
            while (peek().is(",")) {
                position++;
                candidates.add(parseOperand());
            }
            expect(")");
            return new Condition.In(left, candidates);
        }
        throw syntaxError(next);
    }

    /** A path, a :value, or size(path); anything else is a syntax error here. */
    private Operand parseOperand() {
        Lexer.Token token = peek();
        if (token.kind() == Lexer.Kind.VALUE_PLACEHOLDER) {
            position++;
            return value(token);
        }
        if (token.kind() == Lexer.Kind.IDENTIFIER && peek(1).is("(")) {
            String name = token.text();
            if (name.equals("size")) {
                position += 2;
                Operand argument = parseOperand();
                expect(")");
                if (!(argument instanceof Operand.PathOperand path)) {
                    throw invalid("Incorrect operand type for operator or function; operator or function: size, "
                            + "operand type: " + operandType(argument));
                }
                return new Operand.Size(path.path());
            }
            if (CONDITION_FUNCTIONS.contains(name) || name.equals("if_not_exists") || name.equals("list_append")) {
                throw invalid("The function is not allowed to be used this way in an expression; function: " + name);
            }
            throw invalid("Invalid function name; function: " + name);
        }
        return new Operand.PathOperand(parsePath());
    }

    static String operandType(Operand operand) {
        if (operand instanceof Operand.Value v) {
            return v.value() == null ? "UNKNOWN" : v.value().type();
        }
        return "UNKNOWN";
    }

    private Operand.Value value(Lexer.Token token) {
        AttributeValue value = attributes.value(token.text());
        if (value == null && undefined == null) {
            undefined = "An expression attribute value used in expression is not defined; attribute value: " + token.text();
        }
        return new Operand.Value(token.text(), value);
    }

    private Path parsePath() {
        List<Object> elements = new ArrayList<>();
        elements.add(pathName());
        while (true) {
            Lexer.Token token = peek();
            if (token.is(".")) {
                position++;
                elements.add(pathName());
            } else if (token.is("[")) {
                position++;
                Lexer.Token index = peek();
                if (index.kind() != Lexer.Kind.NUMBER) {
                    throw syntaxError(index);
                }
                position++;
                try {
                    elements.add(Integer.parseInt(index.text()));
                } catch (NumberFormatException e) {
                    throw syntaxError(index);
                }
                expect("]");
            } else {
                return new Path(elements);
            }
        }
    }

    private String pathName() {
        Lexer.Token token = peek();
        if (token.kind() == Lexer.Kind.NAME_PLACEHOLDER) {
            position++;
            String name = attributes.name(token.text());
            if (name == null) {
                if (undefined == null) {
                    undefined = "An expression attribute name used in the document path is not defined; attribute name: "
                            + token.text();
                }
                return token.text();
            }
            return name;
        }
        if (token.kind() == Lexer.Kind.IDENTIFIER) {
            if (ReservedWords.isReserved(token.text())) {
                throw invalid("Attribute name is a reserved keyword; reserved keyword: " + token.text());
            }
            position++;
            return token.text();
        }
        throw syntaxError(token);
    }

    // ---- update expressions

    private List<UpdateAction> parseUpdate() {
        List<UpdateAction> actions = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        do {
            Lexer.Token clause = peek();
            String keyword = clause.kind() == Lexer.Kind.IDENTIFIER ? clause.text().toUpperCase(java.util.Locale.ROOT) : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(keyword)) {
                throw syntaxError(clause);
            }
            if (seen.put(keyword, true) != null) {
                throw invalid("The \"" + keyword + "\" section can only be used once in an update expression;");
            }
            position++;
            do {
                actions.add(switch (keyword) {
                    case "SET" -> {
                        Path path = parsePath();
                        expect("=");
                        yield new UpdateAction.Set(path, parseSetValue());
                    }
                    case "REMOVE" -> new UpdateAction.Remove(parsePath());
                    case "ADD" -> new UpdateAction.Add(parsePath(), clauseValue());
                    default -> new UpdateAction.Delete(parsePath(), clauseValue());
                });
            } while (consume(","));
        } while (peek().kind() != Lexer.Kind.EOF);
        return actions;
    }

    private Operand.Value clauseValue() {
        Lexer.Token token = peek();
        if (token.kind() != Lexer.Kind.VALUE_PLACEHOLDER) {
            throw syntaxError(token);
        }
        position++;
        return value(token);
    }

    private Operand parseSetValue() {
        Operand left = parseSetOperand();
        Lexer.Token token = peek();
        if (token.is("+") || token.is("-")) {
            position++;
            return new Operand.Arithmetic(token.text().charAt(0), left, parseSetOperand());
        }
        return left;
    }

    private Operand parseSetOperand() {
        Lexer.Token token = peek();
        if (token.kind() == Lexer.Kind.VALUE_PLACEHOLDER) {
            position++;
            return value(token);
        }
        if (token.kind() == Lexer.Kind.IDENTIFIER && peek(1).is("(")) {
            String name = token.text();
            position += 2;
            Operand result;
            if (name.equals("if_not_exists")) {
                Operand first = parseSetOperand();
                expect(",");
                Operand fallback = parseSetOperand();
                if (!(first instanceof Operand.PathOperand path)) {
                    throw invalid("Operator or function requires a document path; operator or function: if_not_exists");
                }
                result = new Operand.IfNotExists(path.path(), fallback);
            } else if (name.equals("list_append")) {
                Operand first = parseSetOperand();
                expect(",");
                result = new Operand.ListAppend(first, parseSetOperand());
            } else if (CONDITION_FUNCTIONS.contains(name) || name.equals("size")) {
                throw invalid("The function is not allowed in an update expression; function: " + name);
            } else {
                throw invalid("Invalid function name; function: " + name);
            }
            expect(")");
            return result;
        }
        return new Operand.PathOperand(parsePath());
    }

    // ---- tokens

    private Lexer.Token peek() {
        return tokens.get(position);
    }

    private Lexer.Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private boolean consume(String symbol) {
        if (peek().is(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!consume(symbol)) {
            throw syntaxError(peek());
        }
    }

    private void expectEnd() {
        if (peek().kind() != Lexer.Kind.EOF) {
            throw syntaxError(peek());
        }
    }

    /** DynamoDB's syntax error: the offending token and the text from the token before it to the one after it. */
    private DynamoDbException syntaxError(Lexer.Token token) {
        int index = tokens.indexOf(token);
        int from = index > 0 ? tokens.get(index - 1).start() : token.start();
        int to = index + 1 < tokens.size() ? tokens.get(index + 1).end() : token.end();
        return invalid("Syntax error; token: \"" + token.text() + "\", near: \"" + source.substring(from, to) + "\"");
    }
}

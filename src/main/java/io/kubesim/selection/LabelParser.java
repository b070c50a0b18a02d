package io.kubesim.selection;

import io.kubesim.selection.LabelLexer.Item;
import io.kubesim.selection.LabelLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Recursive-descent parser with the control flow (and therefore the error messages) of Go's
 * {@code labels.Parser}. In value context the keywords {@code in}/{@code notin} count as identifiers.
 */
final class LabelParser {

    private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

    private final List<Item> items;
    private int position;

    private LabelParser(String selector) {
        this.items = LabelLexer.scan(selector);
    }

    /** Parses into requirements in source order (the caller sorts them by key). */
    static List<Requirement> parse(String selector) throws SelectorParseException {
        return new LabelParser(selector).parseSelector();
    }

    private Token lookahead() {
        return valueContext(current().token());
    }

    private Item current() {
        return items.get(Math.min(position, items.size() - 1));
    }

    /** Consumes one token, mapping {@code in}/{@code notin} to identifiers unless {@code keyAndOperator}. */
    private Item consume(boolean keyAndOperator) {
        Item item = current();
        position++;
        return keyAndOperator ? item : new Item(valueContext(item.token()), item.literal());
    }

    private static Token valueContext(Token token) {
        return token == Token.IN || token == Token.NOT_IN ? Token.IDENTIFIER : token;
    }

    private List<Requirement> parseSelector() throws SelectorParseException {
        List<Requirement> requirements = new ArrayList<>();
        while (true) {
            Token tok = lookahead();
            if (tok == Token.END_OF_STRING) {
                return requirements;
            }
            if (tok != Token.IDENTIFIER && tok != Token.DOES_NOT_EXIST) {
                throw fail("found '" + current().literal() + "', expected: !, identifier, or 'end of string'");
            }
            requirements.add(parseRequirementWrapped());
            Item next = consume(false);
            if (next.token() == Token.END_OF_STRING) {
                return requirements;
            }
            if (next.token() != Token.COMMA) {
                throw fail("found '" + next.literal() + "', expected: ',' or 'end of string'");
            }
            Token after = lookahead();
            if (after != Token.IDENTIFIER && after != Token.DOES_NOT_EXIST) {
                throw fail("found '" + current().literal() + "', expected: identifier after ','");
            }
        }
    }

    private Requirement parseRequirementWrapped() throws SelectorParseException {
        try {
            return parseRequirement();
        } catch (SelectorParseException e) {
            throw fail("unable to parse requirement: " + e.getMessage());
        }
    }

    private Requirement parseRequirement() throws SelectorParseException {
        Item first = consume(false);
        boolean negated = first.token() == Token.DOES_NOT_EXIST;
        Item keyItem = negated ? consume(false) : first;
        if (keyItem.token() != Token.IDENTIFIER) {
            throw fail("found '" + keyItem.literal() + "', expected: identifier");
        }
        String key = keyItem.literal();
        List<String> keyErrs = LabelRules.validateLabelKey(key);
        if (!keyErrs.isEmpty()) {
            throw fail(GoText.invalid("<nil>", GoText.quote(key), String.join("; ", keyErrs)));
        }
        Token next = lookahead();
        if (negated) {
            return RequirementFactory.create(key, Operator.DOES_NOT_EXIST, List.of());
        }
        if (next == Token.END_OF_STRING || next == Token.COMMA) {
            return RequirementFactory.create(key, Operator.EXISTS, List.of());
        }
        Operator op = parseOperator();
        TreeSet<String> values = op == Operator.IN || op == Operator.NOT_IN ? parseValues() : parseExactValue();
        return RequirementFactory.create(key, op, new ArrayList<>(values));
    }

    private Operator parseOperator() throws SelectorParseException {
        Item item = consume(true);
        return switch (item.token()) {
            case IN -> Operator.IN;
            case EQUALS -> Operator.EQUALS;
            case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
            case GREATER_THAN -> Operator.GREATER_THAN;
            case LESS_THAN -> Operator.LESS_THAN;
            case NOT_IN -> Operator.NOT_IN;
            case NOT_EQUALS -> Operator.NOT_EQUALS;
            default -> throw fail("found '" + item.literal() + "', expected: " + BINARY_OPERATORS);
        };
    }

    private TreeSet<String> parseValues() throws SelectorParseException {
        Item open = consume(false);
        if (open.token() != Token.OPEN_PAR) {
            throw fail("found '" + open.literal() + "' expected: '('");
        }
        Token tok = lookahead();
        String lit = current().literal();
        if (tok == Token.IDENTIFIER || tok == Token.COMMA) {
            TreeSet<String> values = parseIdentifiersList();
            if (consume(false).token() != Token.CLOSED_PAR) {
                throw fail("found '" + lit + "', expected: ')'");
            }
            return values;
        }
        if (tok == Token.CLOSED_PAR) {
            consume(false);
            return valueSet("");
        }
        throw fail("found '" + lit + "', expected: ',', ')' or identifier");
    }

    /** A possibly empty list of possibly empty values; {@code (,}, {@code ,,} and {@code ,)} add "". */
    private TreeSet<String> parseIdentifiersList() throws SelectorParseException {
        TreeSet<String> values = valueSet();
        while (true) {
            Item item = consume(false);
            if (item.token() == Token.IDENTIFIER) {
                values.add(item.literal());
                Token next = lookahead();
                if (next == Token.CLOSED_PAR) {
                    return values;
                }
                if (next != Token.COMMA) {
                    throw fail("found '" + current().literal() + "', expected: ',' or ')'");
                }
            } else if (item.token() == Token.COMMA) {
                if (values.isEmpty()) {
                    values.add("");
                }
                Token next = lookahead();
                if (next == Token.CLOSED_PAR) {
                    values.add("");
                    return values;
                }
                if (next == Token.COMMA) {
                    // Kubernetes <= 1.34 consumes the second comma here, so "(a,,)" is rejected.
                    consume(false);
                    values.add("");
                }
            } else {
                throw fail("found '" + item.literal() + "', expected: ',', or identifier");
            }
        }
    }

    private TreeSet<String> parseExactValue() throws SelectorParseException {
        Token tok = lookahead();
        if (tok == Token.END_OF_STRING || tok == Token.COMMA) {
            return valueSet("");
        }
        Item item = consume(false);
        if (item.token() == Token.IDENTIFIER) {
            return valueSet(item.literal());
        }
        throw fail("found '" + item.literal() + "', expected: identifier");
    }

    private static TreeSet<String> valueSet(String... initial) {
        TreeSet<String> set = new TreeSet<>(GoText.BYTE_ORDER);
        set.addAll(List.of(initial));
        return set;
    }

    private static SelectorParseException fail(String message) {
        return new SelectorParseException(message);
    }
}

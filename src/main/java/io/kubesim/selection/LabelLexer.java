package io.kubesim.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tokenizer of the label selector grammar, behaving like the Go {@code labels.Lexer}: whitespace is
 * {@code ' '}, tab, CR and LF; special symbols are {@code = ! ( ) , > <}; every other run of characters is an
 * identifier (or the keyword {@code in}/{@code notin}). A NUL character reads like the end of input.
 */
final class LabelLexer {

    enum Token {
        ERROR, END_OF_STRING, CLOSED_PAR, COMMA, DOES_NOT_EXIST, DOUBLE_EQUALS, EQUALS, GREATER_THAN,
        IDENTIFIER, IN, LESS_THAN, NOT_EQUALS, NOT_IN, OPEN_PAR
    }

    record Item(Token token, String literal) {
    }

    private static final Map<String, Token> LITERALS = Map.ofEntries(
            Map.entry(")", Token.CLOSED_PAR), Map.entry(",", Token.COMMA), Map.entry("!", Token.DOES_NOT_EXIST),
            Map.entry("==", Token.DOUBLE_EQUALS), Map.entry("=", Token.EQUALS), Map.entry(">", Token.GREATER_THAN),
            Map.entry("in", Token.IN), Map.entry("<", Token.LESS_THAN), Map.entry("!=", Token.NOT_EQUALS),
            Map.entry("notin", Token.NOT_IN), Map.entry("(", Token.OPEN_PAR));

    private final String input;
    private int pos;

    private LabelLexer(String input) {
        this.input = input;
    }

    /** All tokens of the input, the last one being {@link Token#END_OF_STRING}. */
    static List<Item> scan(String input) {
        LabelLexer lexer = new LabelLexer(input);
        List<Item> items = new ArrayList<>();
        Item item;
        do {
            item = lexer.lex();
            items.add(item);
        } while (item.token() != Token.END_OF_STRING);
        return items;
    }

    static boolean isWhitespace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
    }

    static boolean isSpecialSymbol(char ch) {
        return switch (ch) {
            case '=', '!', '(', ')', ',', '>', '<' -> true;
            default -> false;
        };
    }

    /** Returns the next character and advances, or NUL (without advancing) at the end. */
    private char read() {
        if (pos < input.length()) {
            return input.charAt(pos++);
        }
        return 0;
    }

    private void unread() {
        pos--;
    }

    private Item lex() {
        char ch = read();
        while (isWhitespace(ch)) {
            ch = read();
        }
        if (ch == 0) {
            return new Item(Token.END_OF_STRING, "");
        }
        unread();
        return isSpecialSymbol(ch) ? scanSpecialSymbol() : scanIdOrKeyword();
    }

    private Item scanIdOrKeyword() {
        StringBuilder buffer = new StringBuilder();
        while (true) {
            char ch = read();
            if (ch == 0) {
                break;
            }
            if (isSpecialSymbol(ch) || isWhitespace(ch)) {
                unread();
                break;
            }
            buffer.append(ch);
        }
        String s = buffer.toString();
        return new Item(LITERALS.getOrDefault(s, Token.IDENTIFIER), s);
    }

    /** Longest run of special symbols that still forms a known operator ({@code !=}, {@code ==}, ...). */
    private Item scanSpecialSymbol() {
        Item last = null;
        StringBuilder buffer = new StringBuilder();
        while (true) {
            char ch = read();
            if (ch == 0) {
                break;
            }
            if (!isSpecialSymbol(ch)) {
                unread();
                break;
            }
            buffer.append(ch);
            Token token = LITERALS.get(buffer.toString());
            if (token != null) {
                last = new Item(token, buffer.toString());
            } else if (last != null) {
                unread();
                break;
            }
        }
        if (last == null) {
            return new Item(Token.ERROR, "error expected: keyword found '" + buffer + "'");
        }
        return last;
    }
}

package dev.switch101.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random header text for the grammar fuzzers: strings drawn from the characters that matter to
 * RFC 9110 field values (token characters, delimiters, quotes and backslashes, whitespace, control
 * characters, obs-text and characters beyond Latin-1), and well-formed pieces to build lists from.
 */
public final class HostileText {

    private static final String TCHAR = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DELIMITERS = "\"(),/:;<=>?@[\\]{} \t";
    private static final String NASTY = "\u0000\r\n\u007f\u0080\u00a0\u00ff\u0100\u0661\uff11\ud800\ufeff\uffff";

    private HostileText() {
    }

    /** A string of 0..{@code maxLength} characters, mostly delimiters and token characters. */
    public static String any(SplittableRandom random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            String pool = pick < 5 ? TCHAR : pick < 9 ? DELIMITERS : NASTY;
            s.append(pool.charAt(random.nextInt(pool.length())));
        }
        return s.toString();
    }

    /** One to eight token characters (RFC 9110 §5.6.2). */
    public static String token(SplittableRandom random) {
        int length = 1 + random.nextInt(8);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(TCHAR.charAt(random.nextInt(TCHAR.length())));
        }
        return s.toString();
    }

    /** Content a quoted-string can carry (RFC 9110 §5.6.4): HTAB, SP, VCHAR, obs-text; quotes and backslashes too. */
    public static String quotable(SplittableRandom random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            if (pick == 0) {
                s.append(random.nextBoolean() ? '"' : '\\');
            } else if (pick == 1) {
                s.append((char) (0x80 + random.nextInt(0x80)));
            } else if (pick == 2) {
                s.append(random.nextBoolean() ? ' ' : '\t');
            } else {
                s.append((char) (0x21 + random.nextInt(0x7E - 0x21 + 1)));
            }
        }
        return s.toString();
    }

    /** Optional whitespace (RFC 9110 §5.6.3). */
    public static String ows(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> " ";
            case 1 -> "\t";
            case 2 -> " \t ";
            default -> "";
        };
    }

    /**
     * Writes {@code elements} as the values of one to three header lines, separated by commas
     * with random whitespace, with empty list elements sprinkled in (RFC 9110 §5.6.1 makes
     * recipients ignore them).
     */
    public static List<String> asHeaderLines(List<String> elements, SplittableRandom random) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String element : elements) {
            if (line.length() > 0 && random.nextInt(4) == 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (random.nextInt(6) == 0) {
                line.append(',').append(ows(random));
            }
            if (line.length() > 0) {
                line.append(ows(random)).append(',').append(ows(random));
            }
            line.append(element);
        }
        if (random.nextInt(6) == 0) {
            line.append(ows(random)).append(',');
        }
        lines.add(line.toString());
        return lines;
    }

    /** One to four hostile strings: the values of a header sent once or repeated. */
    public static List<String> anyLines(SplittableRandom random) {
        List<String> lines = new ArrayList<>();
        int count = 1 + random.nextInt(random.nextInt(8) == 0 ? 4 : 1);
        for (int i = 0; i < count; i++) {
            lines.add(any(random, 40));
        }
        return lines;
    }
}

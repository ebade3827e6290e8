package dev.switch101.it.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * The payload of one message, produced on demand from a seed (never held whole, so a 32 MiB
 * message costs no 32 MiB array) and hashed as it is produced; each byte depends only on the
 * seed and its position, not on how the content is cut into calls. Binary content is uniform
 * random bytes; text content is valid UTF-8 of exactly the requested byte length, with
 * 1- to 4-byte characters in a mix set by the {@link TextStyle}, so that fragment and write
 * boundaries fall inside characters.
 */
public final class MessageContent {

    /** Which characters text is made of. */
    public enum TextStyle {
        ASCII, MIXED, THREE_BYTE, FOUR_BYTE
    }

    private final boolean text;
    private final TextStyle style;
    private final long length;
    private final long seed;
    private final SplittableRandom random;
    private final MessageDigest digest = sha256();
    private final CompletableFuture<byte[]> hash = new CompletableFuture<>();
    private final byte[] pending = new byte[4];
    private int pendingLength;
    private int pendingAt;
    private long produced;
    /** Random bytes drawn but not used yet (binary and ASCII content). */
    private long carry;
    private int carried;

    private MessageContent(boolean text, TextStyle style, long length, long seed) {
        this.text = text;
        this.style = style;
        this.length = length;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        if (length == 0) {
            hash.complete(digest.digest());
        }
    }

    public static MessageContent binary(long length, long seed) {
        return new MessageContent(false, null, length, seed);
    }

    public static MessageContent text(long length, TextStyle style, long seed) {
        return new MessageContent(true, style, length, seed);
    }

    /** The same content from its start: to compare an echo with, byte by byte, as it arrives. */
    public MessageContent replay() {
        return new MessageContent(text, style, length, seed);
    }

    public boolean isText() {
        return text;
    }

    public long length() {
        return length;
    }

    public long produced() {
        return produced;
    }

    /** The SHA-256 of the whole content, complete once every byte has been produced. */
    public CompletableFuture<byte[]> hash() {
        return hash;
    }

    public String describe() {
        return (text ? "text/" + style : "binary") + " of " + length + " bytes";
    }

    /** Produces the next {@code count} bytes of the content into {@code buffer}. */
    public void next(byte[] buffer, int offset, int count) {
        if (count > length - produced) {
            throw new IllegalArgumentException(count + " bytes asked, " + (length - produced) + " left");
        }
        if (!text) {
            fillRandom(buffer, offset, count);
        } else if (style == TextStyle.ASCII) {
            fillRandom(buffer, offset, count);
            for (int i = offset; i < offset + count; i++) {
                buffer[i] &= 0x7F;
            }
        } else {
            for (int i = offset; i < offset + count; i++) {
                buffer[i] = nextTextByte(i - offset, count);
            }
        }
        digest.update(buffer, offset, count);
        produced += count;
        if (produced == length) {
            hash.complete(digest.digest());
        }
    }

    /** Random bytes, the same at each position however the content is cut into calls. */
    private void fillRandom(byte[] buffer, int offset, int count) {
        int i = offset;
        int end = offset + count;
        while (i < end && carried > 0) {
            buffer[i++] = (byte) carry;
            carry >>>= 8;
            carried--;
        }
        while (i + 8 <= end) {
            long r = random.nextLong();
            for (int k = 0; k < 8; k++) {
                buffer[i++] = (byte) (r >>> (k * 8));
            }
        }
        if (i < end) {
            carry = random.nextLong();
            carried = 8;
            while (i < end) {
                buffer[i++] = (byte) carry;
                carry >>>= 8;
                carried--;
            }
        }
    }

    /** The next byte of the text; {@code at} of {@code count} within this call. */
    private byte nextTextByte(int at, int count) {
        if (pendingAt == pendingLength) {
            // Bytes still free in the message once the pending character is out.
            long free = length - produced - at;
            encode(nextCodePoint((int) Math.min(4, free)));
        }
        return pending[pendingAt++];
    }

    private int nextCodePoint(int maxBytes) {
        int bytes = switch (style) {
            case MIXED -> new int[] {1, 1, 1, 2, 2, 3, 3, 4}[random.nextInt(8)];
            case THREE_BYTE -> random.nextInt(10) == 0 ? 1 : 3;
            case FOUR_BYTE -> random.nextInt(10) == 0 ? 2 : 4;
            default -> 1;
        };
        bytes = Math.min(bytes, maxBytes);
        return switch (bytes) {
            case 1 -> random.nextInt(0x80);
            case 2 -> 0x80 + random.nextInt(0x800 - 0x80);
            case 3 -> {
                int cp = 0x800 + random.nextInt(0x10000 - 0x800 - 0x800);
                yield cp >= 0xD800 ? cp + 0x800 : cp; // no surrogates
            }
            default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
        };
    }

    private void encode(int cp) {
        pendingAt = 0;
        if (cp < 0x80) {
            pending[0] = (byte) cp;
            pendingLength = 1;
        } else if (cp < 0x800) {
            pending[0] = (byte) (0xC0 | cp >> 6);
            pending[1] = (byte) (0x80 | cp & 0x3F);
            pendingLength = 2;
        } else if (cp < 0x10000) {
            pending[0] = (byte) (0xE0 | cp >> 12);
            pending[1] = (byte) (0x80 | cp >> 6 & 0x3F);
            pending[2] = (byte) (0x80 | cp & 0x3F);
            pendingLength = 3;
        } else {
            pending[0] = (byte) (0xF0 | cp >> 18);
            pending[1] = (byte) (0x80 | cp >> 12 & 0x3F);
            pending[2] = (byte) (0x80 | cp >> 6 & 0x3F);
            pending[3] = (byte) (0x80 | cp & 0x3F);
            pendingLength = 4;
        }
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash, 0, Math.min(8, hash.length));
    }
}

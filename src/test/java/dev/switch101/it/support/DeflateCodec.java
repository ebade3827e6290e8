package dev.switch101.it.support;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** A test client's permessage-deflate (RFC 7692 §7.2), one message at a time, no context takeover. */
public final class DeflateCodec {

    private DeflateCodec() {
    }

    /** A message's compressed payload: raw DEFLATE, sync-flushed, {@code 00 00 ff ff} stripped. */
    public static byte[] compress(byte[] message) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(message);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length);
            byte[] all = out.toByteArray();
            return Arrays.copyOf(all, all.length - 4);
        } finally {
            deflater.end();
        }
    }

    /** A compressed message's payload inflated, with the tail appended first. */
    public static byte[] inflate(byte[] payload) {
        Inflater inflater = new Inflater(true);
        try {
            byte[] input = Arrays.copyOf(payload, payload.length + 4);
            input[payload.length + 2] = (byte) 0xff;
            input[payload.length + 3] = (byte) 0xff;
            inflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (true) {
                int n = inflater.inflate(buffer);
                out.write(buffer, 0, n);
                if (n == 0 && (inflater.needsInput() || inflater.finished())) {
                    return out.toByteArray();
                }
            }
        } catch (DataFormatException e) {
            throw new AssertionError("the server sent invalid compressed data", e);
        } finally {
            inflater.end();
        }
    }
}

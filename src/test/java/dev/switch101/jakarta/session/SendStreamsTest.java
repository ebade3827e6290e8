package dev.switch101.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code getSendWriter()} / {@code getSendStream()}: a message in parts, each text part valid UTF-8 on its own. */
class SendStreamsTest {

    private final List<byte[]> parts = new ArrayList<>();
    private final List<Boolean> lasts = new ArrayList<>();

    private void record(ByteBuffer part, boolean last) {
        byte[] bytes = new byte[part.remaining()];
        part.get(bytes);
        parts.add(bytes);
        lasts.add(last);
    }

    @Test
    void writerNeverSplitsASurrogatePairBetweenParts() throws IOException {
        String text = "ab😀cd😀😀e"; // surrogate pairs at every alignment of a 3-char buffer
        try (PartialWriter writer = new PartialWriter(this::record, 3)) {
            writer.write(text);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            // Each part decodes strictly on its own: no half of a pair at either end.
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(part));
            all.writeBytes(part);
        }
        assertEquals(text, all.toString(StandardCharsets.UTF_8));
        assertTrue(lasts.get(lasts.size() - 1));
        assertFalse(lasts.subList(0, lasts.size() - 1).contains(true));
    }

    @Test
    void streamSendsFullBuffersThenTheRestAsTheLastPart() throws IOException {
        PartialOutputStream out = new PartialOutputStream(this::record, 4);
        out.write(new byte[] {1, 2, 3, 4, 5, 6});
        out.write(7);
        out.close();
        out.close(); // a second close sends nothing
        assertEquals(2, parts.size());
        assertEquals(List.of(false, true), lasts);
        assertEquals(7, parts.get(0).length + parts.get(1).length);
        assertThrows(IOException.class, () -> out.write(8));
    }

    @Test
    void closingAnUnwrittenWriterSendsAnEmptyLastPart() throws IOException {
        new PartialWriter(this::record, 16).close();
        assertEquals(1, parts.size());
        assertEquals(0, parts.get(0).length);
        assertEquals(List.of(true), lasts);
    }
}

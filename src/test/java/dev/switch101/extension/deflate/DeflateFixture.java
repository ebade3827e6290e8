package dev.switch101.extension.deflate;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.switch101.extension.ExtensionOffer;
import dev.switch101.extension.ExtensionOfferParser;
import dev.switch101.extension.ExtensionStack;
import dev.switch101.extension.TransformContext;
import dev.switch101.frame.FrameParser;
import dev.switch101.frame.FrameParserConfig;
import dev.switch101.frame.OpCode;

/**
 * A permessage-deflate stack as one connection has it, between an unmasked frame parser and a
 * {@link Recorded} application; the backlog is a switch the test turns.
 */
final class DeflateFixture {

    final DeflatePool pool = new DeflatePool(4);
    final Recorded application = new Recorded();
    final AtomicBoolean backlogged = new AtomicBoolean();
    final ExtensionStack stack;
    final FrameParser parser;
    /** Outgoing frames as hex: header bytes then payload. */
    final List<String> sent = new ArrayList<>();

    DeflateFixture(String offer, DeflateConfig config, int partSize) {
        ExtensionOffer parsed = ExtensionOfferParser.parseOffer(offer).orElseThrow();
        PerMessageDeflate extension = (PerMessageDeflate) new PerMessageDeflateFactory(config, pool)
                .negotiate(parsed).orElseThrow();
        FrameParser[] parserRef = new FrameParser[1];
        stack = new ExtensionStack(List.of(extension), application,
                new TransformContext(partSize, 1024, backlogged::get, () -> parserRef[0].stop()));
        parser = new FrameParser(FrameParserConfig.client(1 << 20), stack.incoming());
        parser.setAllowedRsv(stack.rsvBits());
        parserRef[0] = parser;
    }

    /** Parses bytes as received; returns what the parser left unconsumed (a suspension). */
    ByteBuffer receive(byte[] bytes) {
        ByteBuffer input = ByteBuffer.wrap(bytes);
        parser.parse(input);
        return input;
    }

    void send(boolean fin, OpCode opCode, byte[] payload) throws java.io.IOException {
        stack.outgoing(fin, opCode, ByteBuffer.wrap(payload), (f, rsv, o, p) -> {
            byte[] bytes = new byte[p.remaining()];
            p.get(bytes);
            int first = (f ? 0x80 : 0) | rsv << 4 | o.code();
            sent.add(HexFormat.of().formatHex(new byte[] {(byte) first, (byte) bytes.length})
                    + HexFormat.of().formatHex(bytes));
        });
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}

package dev.switch101.bench.jmh;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import dev.switch101.frame.FrameHeader;
import dev.switch101.frame.FrameListener;
import dev.switch101.frame.FrameParser;
import dev.switch101.frame.FrameParserConfig;
import dev.switch101.frame.FrameWriter;
import dev.switch101.frame.Masker;
import dev.switch101.frame.OpCode;
import dev.switch101.frame.Utf8Validator;

/**
 * The frame codec's hot paths over one message of {@code size} bytes, each beside
 * {@link #copyBaseline}, a plain copy of the same bytes: frame parsing (a masked client frame,
 * unmasked in place), unmasking, UTF-8 validation (text with one multi-byte character in about
 * eight, and ASCII only), frame writing (header and payload into an
 * output buffer). Throughput in operations per second; bytes per second = that times {@code size}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FrameBenchmarks {

    @Param({"64", "16384", "1048576"})
    public int size;

    private byte[] text;
    private ByteBuffer payload;
    private ByteBuffer asciiPayload;
    private ByteBuffer maskedFrame;
    private ByteBuffer out;
    private FrameParser parser;
    private final Utf8Validator validator = new Utf8Validator();
    private Blackhole sink;

    @Setup
    public void setUp(Blackhole blackhole) {
        this.sink = blackhole;
        text = Payload.text(size);
        payload = ByteBuffer.wrap(text.clone());
        asciiPayload = ByteBuffer.wrap(Payload.ascii(size));
        maskedFrame = FrameWriter.maskedFrame(true, 0, OpCode.TEXT, ByteBuffer.wrap(text), 0x1234abcd);
        out = ByteBuffer.allocate(size + FrameWriter.MAX_HEADER_LENGTH);
        parser = new FrameParser(FrameParserConfig.server(2L << 20), new Consumer());
    }

    /** The baseline: copying the message's bytes once. */
    @Benchmark
    public ByteBuffer copyBaseline() {
        out.clear();
        out.put(payload.duplicate());
        return out;
    }

    /** Parsing one masked frame (header, then payload unmasked in place and handed on). */
    @Benchmark
    public void parseFrame() {
        parser.parse(maskedFrame.duplicate());
    }

    /** Unmasking (or masking) the payload in place. */
    @Benchmark
    public int unmask() {
        return Masker.mask(payload, 0x1234abcd, 0);
    }

    /** Validating the payload as UTF-8. */
    @Benchmark
    public boolean validateUtf8() {
        validator.reset();
        return validator.feed(payload.duplicate()) && validator.isComplete();
    }

    /** Validating ASCII-only text as UTF-8 (the validator's fast path). */
    @Benchmark
    public boolean validateUtf8Ascii() {
        validator.reset();
        return validator.feed(asciiPayload.duplicate()) && validator.isComplete();
    }

    /** Writing a server frame: the header, then the payload, into an output buffer. */
    @Benchmark
    public ByteBuffer writeFrame() {
        out.clear();
        FrameWriter.writeHeader(out, true, 0, OpCode.TEXT, size);
        out.put(payload.duplicate());
        return out;
    }

    /** Consumes what the parser hands on, so that nothing is optimised away. */
    private final class Consumer implements FrameListener {
        @Override
        public void onFrameHeader(FrameHeader header) {
            sink.consume(header);
        }

        @Override
        public void onPayload(ByteBuffer chunk) {
            sink.consume(chunk.get(chunk.limit() - 1));
        }

        @Override
        public void onFrameEnd() {
            sink.consume(true);
        }
    }
}

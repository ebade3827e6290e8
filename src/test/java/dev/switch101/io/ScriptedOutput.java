package dev.switch101.io;

import java.io.ByteArrayOutputStream;
import java.util.function.BooleanSupplier;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/** A container's non-blocking output as a test scripts it: ready when the test says, recording what is written. */
final class ScriptedOutput extends ServletOutputStream {

    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    /** The engine's write listener: a test calls it as the container's write event. */
    WriteListener listener;
    private final BooleanSupplier ready;

    ScriptedOutput(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    public boolean isReady() {
        return ready.getAsBoolean();
    }

    @Override
    public void setWriteListener(WriteListener writeListener) {
        this.listener = writeListener;
    }

    @Override
    public void write(int b) {
        written.write(b);
    }
}

package dev.switch101.it.jakarta;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the container logged (java.util.logging, in this JVM: the embedded Tomcat) while a
 * deployment was attempted, messages and stack traces with their causes, so a check can find
 * the DeploymentException's message where the container reports a failed start only in its log.
 * Bounded: stops recording at {@value #MAX_CHARS} characters.
 */
final class DeploymentLog extends Handler implements AutoCloseable {

    private static final int MAX_CHARS = 1 << 20;

    private final StringBuilder text = new StringBuilder();
    private final Logger root = Logger.getLogger("");

    private DeploymentLog() {
        root.addHandler(this);
    }

    static DeploymentLog record() {
        return new DeploymentLog();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (text.length() > MAX_CHARS) {
            return;
        }
        text.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ")
                .append(record.getMessage()).append('\n');
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append(trace);
        }
    }

    synchronized String text() {
        return text.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}

package dev.switch101.io;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.WebConnection;

/** An upgraded connection made of a test's streams. */
record TestConnection(ServletInputStream in, ServletOutputStream out) implements WebConnection {

    @Override
    public ServletInputStream getInputStream() {
        return in;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return out;
    }

    @Override
    public void close() {
    }
}

package dev.switch101.demo;

/**
 * Ties a demo server's life to the Maven process that started it. Ctrl-C reaches both (the
 * terminal signals the whole process group), but a signal to Maven alone — what an IDE's stop
 * button sends, or {@code kill <maven pid>} — ends Maven and left the server it had started
 * running, orphaned and still holding the port.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    /** When this process's parent ends, exits (running the shutdown hooks, which stop the server). */
    static void exitWithParent(String what) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.out.println("The process that started the demo (pid " + parent.pid() + ") has ended: stopping " + what);
            System.exit(0);
        }));
    }
}

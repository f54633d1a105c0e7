package org.textclf.bench;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * How the programs that bench scripts run end on bad input: one line, {@code PROGRAM: what is wrong}, and exit 2
 * for a wrong command line, 1 for a file that cannot be used, instead of a stack trace in the script's output.
 */
final class ScriptMain {

    /** A program's body. */
    interface Body {
        void run(String[] args) throws Exception;
    }

    private ScriptMain() {
    }

    static void run(String program, String[] args, Body body) throws Exception {
        try {
            body.run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(program + ": " + e.getMessage());
            System.exit(2);
        } catch (NoSuchFileException e) {
            // The JDK's message is the path alone; the core's say more after a colon.
            String message = e.getMessage();
            System.err.println(program + ": " + (message.contains(": ") ? message : message + ": no such file"));
            System.exit(1);
        } catch (IOException e) {
            System.err.println(program + ": " + e.getMessage());
            System.exit(1);
        }
    }
}

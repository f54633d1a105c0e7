package org.textclf.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the CLI with its exit code and captured output. */
record Run(int exitCode, String out, String err) {

    static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }
}

package org.textclf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code textclf} command: explore, train, evaluate and predict with text classifiers. */
@Command(name = "textclf", mixinStandardHelpOptions = true, version = "textclf 0.1.0",
        description = "Train, evaluate and serve text classifiers on corpora larger than memory.")
public final class Main {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}

package org.textclf.data;

import java.nio.file.Path;

/**
 * Child JVM of {@link RecordLimitTest}: reads each file given (format detected) skipping bad records, in a heap far
 * smaller than the records, and prints one line per skipped record and per file's counts. An OutOfMemoryError ends
 * it with a stack trace and a non-zero exit.
 */
final class HugeRecordReads {
    private HugeRecordReads() {
    }

    public static void main(String[] args) throws Exception {
        SourceOptions options = SourceOptions.builder().onBadRecord(BadRecordPolicy.SKIP).build();
        for (String arg : args) {
            try (SampleReader reader = Sources.open(Path.of(arg), options).open()) {
                StringBuilder texts = new StringBuilder();
                for (Sample s = reader.next(); s != null; s = reader.next()) {
                    texts.append(' ').append(s.text());
                }
                for (String offender : reader.stats().firstOffenders()) {
                    System.out.println("skipped " + offender);
                }
                System.out.println(reader.stats().summary() + ":" + texts);
            }
        }
    }
}

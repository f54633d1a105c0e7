package org.textclf.serve;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A model to serve: the name clients use in {@code /v1/models/{name}} and the file it is loaded from.
 *
 * @param name letters, digits, {@code _ . -}
 * @param path the model file
 */
public record ModelSource(String name, Path path) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final String SUFFIX = ".textclf";

    public ModelSource {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model name '" + name + "' may only have letters, digits, '_', '.'"
                    + " and '-'; name it explicitly, e.g. mymodel=" + path);
        }
    }

    /**
     * {@code name=path}, or a path named by its file's base name without {@code .textclf} ({@code imdb.textclf}
     * is {@code imdb}).
     */
    public static ModelSource parse(String argument) {
        int eq = argument.indexOf('=');
        if (eq > 0) {
            return new ModelSource(argument.substring(0, eq), Path.of(argument.substring(eq + 1)));
        }
        Path path = Path.of(argument);
        String file = path.getFileName() == null ? argument : path.getFileName().toString();
        String name = file.endsWith(SUFFIX) && file.length() > SUFFIX.length()
                ? file.substring(0, file.length() - SUFFIX.length()) : file;
        return new ModelSource(name, path);
    }
}

package org.textclf.cli;

import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option's converter that is a core parse method: its IllegalArgumentException's message, which names the value
 * and the choices, becomes the usage error's. A subclass only names the method, e.g.
 * {@code FormatConverter() { super(DataFormat::parse); }}.
 */
abstract class ParsedBy<T> implements ITypeConverter<T> {
    private final Function<String, T> parse;

    ParsedBy(Function<String, T> parse) {
        this.parse = parse;
    }

    @Override
    public final T convert(String value) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}

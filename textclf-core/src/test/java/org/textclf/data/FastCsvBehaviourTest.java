package org.textclf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What FastCSV 3.4.0 does with the inputs our readers must handle; {@link CsvRecords} and {@link QuoteCheck} are
 * built on these findings. If an upgrade changes one, this test says which.
 */
class FastCsvBehaviourTest {

    private static List<CsvRecord> parse(String csv, boolean acceptCharsAfterQuotes) {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().acceptCharsAfterQuotes(acceptCharsAfterQuotes)
                .ofCsvRecord(new StringReader(csv))) {
            reader.forEach(records::add);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return records;
    }

    @Test
    void parse_unclosedQuoteAtEndOfFile_isAcceptedSilently() {
        List<CsvRecord> records = parse("\"1\",\"a\"\n\"2\",\"b\n", false);

        assertThat(records).hasSize(2);
        assertThat(records.get(1).getFields()).containsExactly("2", "b\n");
    }

    @Test
    void parse_textAfterClosingQuoteAccepted_isAppendedToTheField() {
        assertThat(parse("\"1\",\"a\"x\n\"2\",\"b\"\n", true).get(0).getFields()).containsExactly("1", "ax");
    }

    @Test
    void parse_textAfterClosingQuoteRejected_throwsAndCannotResume() {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().acceptCharsAfterQuotes(false)
                .ofCsvRecord(new StringReader("\"1\",\"a\"x\n\"2\",\"b\"\n3,c\n"))) {
            Iterator<CsvRecord> it = reader.iterator();
            assertThatThrownBy(it::next).isInstanceOf(CsvParseException.class)
                    .hasRootCauseMessage("Unexpected character after closing quote: x");
            // The parser stays on the bad record: no later record can be read, so a skip policy needs another way.
            assertThatThrownBy(it::next).isInstanceOf(CsvParseException.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void parse_fiveMegabyteQuotedField_readsWhole() {
        String big = "x".repeat(5_000_000);

        List<CsvRecord> records = parse("1,\"" + big + "\"\n2,b\n", false);

        assertThat(records.get(0).getField(1)).hasSize(5_000_000);
        assertThat(records.get(1).getStartingLineNumber()).isEqualTo(2);
    }

    @Test
    void parse_crlfAndQuotedNewlines_reportPhysicalStartingLines() {
        List<CsvRecord> records = parse("\"1\",\"a\nb\r\nc\"\r\n\"2\",\"b\"\r\n\r\n3,x\n", false);

        assertThat(records).extracting(CsvRecord::getStartingLineNumber).containsExactly(1L, 4L, 6L);
        assertThat(records.get(0).getField(1)).isEqualTo("a\nb\r\nc");
        assertThat(records.get(1).getFields()).containsExactly("2", "b");
    }

    @Test
    void parse_differentFieldCounts_areNotRejected() {
        assertThat(parse("1,a\n2,b,c\n", false)).extracting(CsvRecord::getFieldCount).containsExactly(2, 3);
    }
}

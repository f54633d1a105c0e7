package org.textclf.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InstancesTest {

    private static List<String> parse(String json) {
        return Instances.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stringsAndTextObjects_inOrder_otherFieldsIgnored() {
        assertThat(parse("{\"signature_name\": {\"x\": [1, {\"y\": 2}]}, \"instances\": [\"a\", {\"id\": [3],"
                + " \"text\": \"b \\u00e9\", \"more\": {}}, \"\"]}")).containsExactly("a", "b \u00e9", "");
    }

    @Test
    void aRepeatedInstancesField_theLastCounts() {
        assertThat(parse("{\"instances\": [\"first\"], \"instances\": [\"second\"]}")).containsExactly("second");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | empty request body",
        "not json | malformed JSON: Unrecognized token 'not'",
        "{\"instances\": [\"a\" | malformed JSON: Unexpected end-of-input",
        "[\"a\"] | the body is an array, not an object",
        "\"a\" | the body is a string, not an object",
        "{\"texts\": [\"a\"]} | missing field 'instances'; expected",
        "{\"inputs\": [\"a\"]} | missing field 'instances' (the columnar 'inputs' format is not supported)",
        "{\"instances\": \"a\"} | 'instances' must be an array, found a string",
        "{\"instances\": null} | 'instances' must be an array, found null",
        "{\"instances\": []} | 'instances' is empty; send at least one text",
        "{\"instances\": [\"a\", 3]} | instances[1] must be a string or an object with a string 'text', found a number",
        "{\"instances\": [[\"a\"]]} | instances[0] must be a string or an object with a string 'text', found an array",
        "{\"instances\": [{\"txt\": \"a\"}]} | instances[0] must be a string or an object with a string 'text', found an object without 'text'",
        "{\"instances\": [\"a\", {\"text\": true}]} | found 'text' as a boolean",
        "{\"instances\": [{\"text\": {\"nested\": \"a\"}}]} | found 'text' as an object",
    })
    void malformedBodies_are400sSayingWhatIsWrong(String body, String message) {
        assertThatThrownBy(() -> parse(body)).isInstanceOfSatisfying(HttpError.class,
                e -> assertThat(e.status()).isEqualTo(400)).hasMessageContaining(message);
    }

    @Test
    void aBodyThatIsNotUtf8_isNamedSo() {
        byte[] latin1 = "{\"instances\": [\"caf\u00e9\"]}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Instances.parse(latin1)).isInstanceOf(HttpError.class)
                .hasMessage("the body is not UTF-8 (invalid byte at offset 19); send JSON encoded as UTF-8");
    }
}

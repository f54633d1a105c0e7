package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatArraysTest {

    @Test
    void write_severalChunks_sameBytesAsWriteFloatOneByOne() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        float[] values = new float[40_000]; // more than two 16,384-float chunks, the last one partial
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        values[7] = Float.NaN;
        values[8] = -0f;
        ByteArrayOutputStream bulk = new ByteArrayOutputStream();
        FloatArrays.write(new DataOutputStream(bulk), values);
        ByteArrayOutputStream naive = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(naive);
        for (float v : values) {
            out.writeFloat(v);
        }
        assertThat(bulk.toByteArray()).isEqualTo(naive.toByteArray());

        float[] back = new float[values.length];
        FloatArrays.readFully(new DataInputStream(new ByteArrayInputStream(bulk.toByteArray())), back);
        assertThat(back).containsExactly(values);
    }

    @Test
    void write_empty_writesNothing() throws IOException {
        ByteArrayOutputStream bulk = new ByteArrayOutputStream();
        FloatArrays.write(new DataOutputStream(bulk), new float[0]);
        assertThat(bulk.size()).isZero();
    }
}

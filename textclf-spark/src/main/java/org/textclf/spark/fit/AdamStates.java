package org.textclf.spark.fit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.textclf.nn.AdamState;
import org.textclf.nn.FloatArrays;

/** Adam's state in a stable binary form, and the weighted mean of several. */
final class AdamStates {
    private AdamStates() {
    }

    static void write(AdamState state, DataOutputStream out) throws IOException {
        out.writeLong(state.iterations());
        out.writeInt(state.slots().size());
        for (AdamState.Slot s : state.slots()) {
            out.writeUTF(s.name());
            int[] shape = s.shape();
            out.writeInt(shape.length);
            for (int d : shape) {
                out.writeInt(d);
            }
            FloatArrays.write(out, s.m());
            FloatArrays.write(out, s.v());
        }
    }

    static AdamState read(DataInputStream in) throws IOException {
        long iterations = in.readLong();
        int count = in.readInt();
        List<AdamState.Slot> slots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int[] shape = new int[in.readInt()];
            int size = 1;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = in.readInt();
                size *= shape[d];
            }
            float[] m = new float[size];
            float[] v = new float[size];
            FloatArrays.readFully(in, m);
            FloatArrays.readFully(in, v);
            slots.add(new AdamState.Slot(name, shape, m, v));
        }
        return new AdamState(iterations, slots);
    }

    /** Moments averaged slot by slot (a slot only some replicas have averages over those), the most steps. */
    static AdamState average(List<AdamState> states, List<Double> shares) {
        java.util.LinkedHashMap<String, double[][]> sums = new java.util.LinkedHashMap<>();
        java.util.Map<String, int[]> shapes = new java.util.HashMap<>();
        java.util.Map<String, Double> weight = new java.util.HashMap<>();
        long iterations = 0;
        for (int k = 0; k < states.size(); k++) {
            AdamState state = states.get(k);
            double share = shares.get(k);
            iterations = Math.max(iterations, state.iterations());
            for (AdamState.Slot s : state.slots()) {
                double[][] sum = sums.computeIfAbsent(s.name(), n -> new double[][] {new double[s.m().length],
                        new double[s.v().length]});
                shapes.put(s.name(), s.shape());
                weight.merge(s.name(), share, Double::sum);
                for (int j = 0; j < s.m().length; j++) {
                    sum[0][j] += share * s.m()[j];
                    sum[1][j] += share * s.v()[j];
                }
            }
        }
        List<AdamState.Slot> slots = new ArrayList<>();
        for (var e : sums.entrySet()) {
            double w = weight.get(e.getKey());
            float[] m = new float[e.getValue()[0].length];
            float[] v = new float[m.length];
            for (int j = 0; j < m.length; j++) {
                m[j] = (float) (e.getValue()[0][j] / w);
                v[j] = (float) (e.getValue()[1][j] / w);
            }
            slots.add(new AdamState.Slot(e.getKey(), shapes.get(e.getKey()), m, v));
        }
        return new AdamState(iterations, slots);
    }
}

package org.textclf.text;

import org.textclf.data.Sample;

/**
 * Rides along a vectorizer fit's first pass, which reads every training sample anyway, and decides after it whether
 * the fit goes on: how {@code --model auto} measures the corpus without a pass of its own.
 */
public interface FirstPass {

    /** Goes along with every fit and never stops it. */
    FirstPass NONE = new FirstPass() {
        @Override
        public void sample(Sample sample) {
        }

        @Override
        public boolean proceed() {
            return true;
        }
    };

    /** Called with each sample of the first pass, in order, on the fitting thread. */
    void sample(Sample sample);

    /** Called once the first pass has read every sample; false abandons the fit. */
    boolean proceed();
}

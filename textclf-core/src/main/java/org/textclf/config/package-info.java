/**
 * Configuration, apart from training state: each branch's hyperparameters (a {@link org.textclf.config.BranchConfig}
 * record per model family), the {@link org.textclf.config.FitConfig} every branch shares, the
 * {@link org.textclf.config.RunEnvironment} a run happens in, and {@link org.textclf.config.TrainOptions} holding
 * the three. Immutable records that validate in their constructors. Uses feed, nn, text and train for their configs
 * and defaults.
 */
package org.textclf.config;

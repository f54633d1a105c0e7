/**
 * The guide's step 5 as an API: {@link org.textclf.tune.Tuner} runs successive halving over a
 * {@link org.textclf.tune.SearchSpace} per branch (declared there, once), from a {@link org.textclf.tune.TuneRequest}
 * (data, base options, {@link org.textclf.tune.Budget}, {@link org.textclf.tune.TuneMetric}) to a
 * {@link org.textclf.tune.TuneResult}; each {@link org.textclf.tune.Trial} is a fit through {@code api}, checkpointed
 * so that the next rung continues it, and every finished rung is a line of the {@link org.textclf.tune.TrialLog} a
 * killed tune resumes from. Uses api, config, data, explore, feed, fit, model, nn, progress, text and train.
 */
package org.textclf.tune;

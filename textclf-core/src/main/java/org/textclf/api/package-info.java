/**
 * What most users import: {@link org.textclf.api.TextClassifier} (fit, load, predict, evaluate, save), the
 * {@link org.textclf.api.Predictor} interface that serving depends on, the {@link org.textclf.api.FitRequest} a fit
 * starts from and the {@link org.textclf.api.FitResult} it returns, and {@link org.textclf.api.Prediction}. Uses
 * fit, model and branch, and the config, data, eval, progress and train types in its signatures.
 */
package org.textclf.api;

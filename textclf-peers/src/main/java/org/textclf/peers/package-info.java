/**
 * The Java libraries that {@code bench/peers} sets textclf against, each a small program that trains on a corpus file
 * and scores a test file, with the settings its documentation recommends for documents: {@link OpenNlpPeer} (Apache
 * OpenNLP's document categorizer, maxent trained by L-BFGS or GIS) and {@link TribuoPeer} (Tribuo's bigram tf-idf and
 * LibLinear's logistic regression). {@link PeerMain} reads both files as {@code textclf train} does (the core's
 * {@code data.Sources}, the only textclf package used here), times the stages and prints one JSON line. Bench only:
 * no other module depends on this one.
 */
package org.textclf.peers;

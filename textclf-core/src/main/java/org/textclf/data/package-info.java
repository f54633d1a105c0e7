/**
 * Reading labeled text as a stream: samples, sources for every supported format, labels and class names, named datasets, bad-record handling. Uses nothing else in textclf.
 */
package org.textclf.data;

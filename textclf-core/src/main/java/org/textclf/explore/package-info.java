/**
 * Corpus statistics in one streaming pass and the guide's model choice by the samples/words-per-sample ratio. Uses data and text.
 */
package org.textclf.explore;

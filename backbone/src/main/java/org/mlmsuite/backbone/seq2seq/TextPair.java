package org.mlmsuite.backbone.seq2seq;

/**
 * A source text and the text a seq2seq model should produce from it (a translation, a summary).
 * {@code origin} names where it came from ({@code file:line}) for messages; may be null.
 */
public record TextPair(String source, String target, String origin) {}

package org.mlmsuite.datasets;

/** A source sentence and its translation; the origin names the source file and the shared line. */
public record TranslationPair(String source, String target, Origin origin) {}

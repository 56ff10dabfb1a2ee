package org.mlmsuite.datasets;

/** A piece of raw text (a whole file, a paragraph or a line) and where it starts. */
public record TextDocument(String text, Origin origin) {}

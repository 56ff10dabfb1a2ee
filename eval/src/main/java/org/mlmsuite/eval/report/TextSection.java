package org.mlmsuite.eval.report;

/** Free text; blank lines separate paragraphs. Rendered as plain text (escaped), never as HTML. */
public record TextSection(String title, String text) implements Section {}

package org.mlmsuite.eval.report;

import java.util.List;
import java.util.Locale;

/** Writes SVG markup with escaped text and coordinates rounded to 0.01 px. */
final class SvgBuilder {
  private final StringBuilder out = new StringBuilder();

  SvgBuilder(double width, double height, String cssClass, String ariaLabel) {
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(escape(cssClass))
        .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
        .append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
        .append("\" role=\"img\" aria-label=\"").append(escape(ariaLabel)).append("\">\n");
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  SvgBuilder rect(double x, double y, double w, double h, String cssClass, String style) {
    out.append("<rect class=\"").append(escape(cssClass)).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h)).append('"');
    style(style);
    out.append("/>\n");
    return this;
  }

  /** A rect with a hover tooltip. */
  SvgBuilder rect(double x, double y, double w, double h, String cssClass, String style, String tooltip) {
    out.append("<rect class=\"").append(escape(cssClass)).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h)).append('"');
    style(style);
    out.append("><title>").append(escape(tooltip)).append("</title></rect>\n");
    return this;
  }

  SvgBuilder line(double x1, double y1, double x2, double y2, String cssClass) {
    out.append("<line class=\"").append(escape(cssClass)).append("\" x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1))
        .append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2)).append("\"/>\n");
    return this;
  }

  SvgBuilder text(double x, double y, String anchor, String cssClass, String text) {
    return text(x, y, anchor, cssClass, text, 0);
  }

  SvgBuilder text(double x, double y, String anchor, String cssClass, String text, double rotateDegrees) {
    out.append("<text class=\"").append(escape(cssClass)).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" text-anchor=\"").append(anchor).append('"');
    if (rotateDegrees != 0) {
      out.append(" transform=\"rotate(").append(num(rotateDegrees)).append(' ').append(num(x)).append(' ').append(num(y)).append(")\"");
    }
    out.append('>').append(escape(text)).append("</text>\n");
    return this;
  }

  /** @param xy alternating x, y pixel coordinates */
  SvgBuilder polyline(List<double[]> xy, String cssClass, String stroke, String seriesName) {
    out.append("<polyline class=\"").append(escape(cssClass)).append("\" data-series=\"").append(escape(seriesName))
        .append("\" fill=\"none\" stroke=\"").append(stroke).append("\" points=\"");
    for (int i = 0; i < xy.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(num(xy.get(i)[0])).append(',').append(num(xy.get(i)[1]));
    }
    out.append("\"/>\n");
    return this;
  }

  SvgBuilder circle(double cx, double cy, double r, String fill, String tooltip) {
    out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
        .append("\" fill=\"").append(fill).append("\"><title>").append(escape(tooltip)).append("</title></circle>\n");
    return this;
  }

  private void style(String style) {
    if (style != null && !style.isEmpty()) {
      out.append(" style=\"").append(escape(style)).append('"');
    }
  }

  String finish() {
    return out.append("</svg>\n").toString();
  }
}

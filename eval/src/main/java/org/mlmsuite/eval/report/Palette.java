package org.mlmsuite.eval.report;

/** Colours for series and systems: a colour-blind-safe qualitative set (Okabe & Ito 2008). */
final class Palette {
  private static final String[] COLOURS = {
      "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#999999", "#000000",
  };

  private Palette() {}

  static String colour(int index) {
    return COLOURS[Math.floorMod(index, COLOURS.length)];
  }

  /** White to dark blue for a fraction in [0, 1]. */
  static String sequential(double fraction) {
    double f = Math.max(0, Math.min(1, fraction));
    int r = (int) Math.round(247 + (8 - 247) * f);
    int g = (int) Math.round(251 + (48 - 251) * f);
    int b = (int) Math.round(255 + (107 - 255) * f);
    return String.format("#%02x%02x%02x", r, g, b);
  }
}

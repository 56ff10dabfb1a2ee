package org.mlmsuite.datasets;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the escaping in the AG News release, whose texts come from crawled HTML:
 * <ul>
 *   <li>Every {@code &} was replaced by a space, so {@code It&#39;s} reads {@code It #39;s} and
 *       {@code AT&amp;T} reads {@code AT amp;T}. An entity ({@code #NNN;}, {@code quot;},
 *       {@code amp;}, {@code lt;}, {@code gt;}, {@code nbsp;}, {@code hellip;}, ...) after a space,
 *       an {@code &} or the start of the text is decoded and that space dropped: {@code It's},
 *       {@code AT&T}. Numbers 128-159 are Windows-1252 (so {@code #151;} is an em dash). Decoding
 *       repeats, for double-escaped text such as {@code amp;amp;}.</li>
 *   <li>HTML tags that the decoding reveals ({@code <A HREF="...">KMB.N</A>}, {@code <p>}) are
 *       removed, keeping the text between them.</li>
 *   <li>A backslash stands for a line break of the original text; it becomes a space.</li>
 *   <li>Runs of whitespace become one space, and the ends are trimmed.</li>
 * </ul>
 */
public final class AgNewsText {
  private static final Pattern ENTITY = Pattern.compile(
      "(?:&| |^)(#[0-9]{1,6}|#[xX][0-9a-fA-F]{1,5}|quot|amp|apos|lt|gt|nbsp|hellip|mdash|ndash|lsquo|rsquo|ldquo|rdquo);");
  private static final Map<String, String> NAMED = Map.ofEntries(
      Map.entry("quot", "\""), Map.entry("amp", "&"), Map.entry("apos", "'"), Map.entry("lt", "<"),
      Map.entry("gt", ">"), Map.entry("nbsp", " "), Map.entry("hellip", "\u2026"), Map.entry("mdash", "\u2014"),
      Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
      Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"));
  private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>]*)?/?>");
  private static final Pattern BACKSLASHES = Pattern.compile("\\\\+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private AgNewsText() {}

  /** The readable text of an AG News field (see the class comment for what changes). */
  public static String clean(String raw) {
    String text = raw;
    for (int pass = 0; pass < 5; pass++) {
      String decoded = decodeEntities(text);
      if (decoded.equals(text)) {
        break;
      }
      text = decoded;
    }
    text = TAG.matcher(text).replaceAll(" ");
    text = BACKSLASHES.matcher(text).replaceAll(" ");
    return WHITESPACE.matcher(text).replaceAll(" ").strip();
  }

  private static String decodeEntities(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decode(String entity, String whole) {
    if (!entity.startsWith("#")) {
      return NAMED.get(entity);
    }
    boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
    int code = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
    if (code >= 128 && code <= 159) {
      return new String(new byte[] {(byte) code}, WINDOWS_1252);
    }
    if (code == 0 || !Character.isValidCodePoint(code) || (code >= 0xD800 && code <= 0xDFFF)) {
      return whole; // not a character: leave the text as it was
    }
    return Character.toString(code);
  }
}

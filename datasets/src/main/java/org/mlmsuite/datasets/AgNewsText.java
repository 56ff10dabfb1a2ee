package org.mlmsuite.datasets;

import java.nio.charset.Charset;
import java.util.Map;
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
  private static final Pattern ENTITY_NAME = Pattern.compile(
      "#[0-9]{1,6}|#[xX][0-9a-fA-F]{1,5}|quot|amp|apos|lt|gt|nbsp|hellip|mdash|ndash|lsquo|rsquo|ldquo|rdquo");
  private static final Map<String, String> NAMED = Map.ofEntries(
      Map.entry("quot", "\""), Map.entry("amp", "&"), Map.entry("apos", "'"), Map.entry("lt", "<"),
      Map.entry("gt", ">"), Map.entry("nbsp", " "), Map.entry("hellip", "\u2026"), Map.entry("mdash", "\u2014"),
      Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
      Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"));
  private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>]*)?/?>");
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
    if (text.indexOf('<') >= 0) {
      text = TAG.matcher(text).replaceAll(" ");
    }
    return collapseSpaces(text);
  }

  /** Backslashes and runs of whitespace become one space; the ends are trimmed. */
  private static String collapseSpaces(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** One decoding pass: every {@code name;} preceded by a space, an {@code &} or the start. */
  private static String decodeEntities(String text) {
    int semicolon = text.indexOf(';');
    if (semicolon < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (; semicolon >= 0; semicolon = text.indexOf(';', semicolon + 1)) {
      int nameStart = semicolon;
      while (nameStart > 0 && isEntityChar(text.charAt(nameStart - 1))) {
        nameStart--;
      }
      String name = text.substring(nameStart, semicolon);
      boolean introduced = nameStart == 0 || text.charAt(nameStart - 1) == ' ' || text.charAt(nameStart - 1) == '&';
      String decoded = introduced && ENTITY_NAME.matcher(name).matches() ? decode(name) : null;
      if (decoded == null) {
        continue;
      }
      int cut = nameStart == 0 ? 0 : nameStart - 1;
      if (cut < copied) {
        continue;
      }
      out.append(text, copied, cut).append(decoded);
      copied = semicolon + 1;
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static boolean isEntityChar(char c) {
    return c == '#' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** The text of an entity, or null when it is not a character. */
  private static String decode(String entity) {
    if (!entity.startsWith("#")) {
      return NAMED.get(entity);
    }
    boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
    int code = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
    if (code >= 128 && code <= 159) {
      return new String(new byte[] {(byte) code}, WINDOWS_1252);
    }
    if (code == 0 || !Character.isValidCodePoint(code) || (code >= 0xD800 && code <= 0xDFFF)) {
      return null; // not a character: leave the text as it was
    }
    return Character.toString(code);
  }
}

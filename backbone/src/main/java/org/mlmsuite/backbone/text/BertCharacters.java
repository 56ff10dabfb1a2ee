package org.mlmsuite.backbone.text;

/**
 * Character classes of BERT's text pipeline, as Hugging Face's BertNormalizer and
 * BertPreTokenizer define them (which follow Rust's {@code char} predicates, not Java's).
 */
final class BertCharacters {
  private BertCharacters() {}

  /** Rust's {@code char::is_whitespace} (the Unicode White_Space property); includes tab, CR, LF. */
  static boolean isWhitespace(int cp) {
    if (cp <= 0x20) {
      return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D);
    }
    if (cp < 0x85) {
      return false;
    }
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
  }

  /**
   * BERT's "control": categories Cc, Cf, Co and Cs except tab, CR and LF (which count as
   * whitespace). Unassigned code points (Cn) are not controls, as in Hugging Face.
   */
  static boolean isControl(int cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      return false;
    }
    if (cp >= 0x20 && cp < 0x7F) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
        || type == Character.SURROGATE;
  }

  /** ASCII punctuation (33-47, 58-64, 91-96, 123-126) or any Unicode P* category character. */
  static boolean isPunctuation(int cp) {
    if (cp < 0x80) {
      return (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96)
          || (cp >= 123 && cp <= 126);
    }
    switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** The CJK Unified Ideograph blocks BERT splits into single-character words. */
  static boolean isCjkIdeograph(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F)
        || (cp >= 0x2B740 && cp <= 0x2B81F)
        || (cp >= 0x2B920 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }
}

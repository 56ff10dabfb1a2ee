package org.mlmsuite.eval.mt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * sacreBLEU's reproducibility signature, e.g. {@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0}:
 * the number of references, then the metric's fields in sacreBLEU's order, then the version.
 */
public final class SacreBleuSignature {
  /**
   * The sacreBLEU release whose BLEU and chrF behaviour this package reproduces. The BLEU, chrF and
   * tokenizer code is unchanged from 2.3.x through 2.6.0, so scores equal those of any of them.
   */
  public static final String VERSION = "2.6.0";

  private SacreBleuSignature() {}

  static String format(String nrefs, Map<String, String> metricFields) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("nrefs", nrefs);
    fields.putAll(metricFields);
    fields.put("version", VERSION);
    return fields.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining("|"));
  }
}

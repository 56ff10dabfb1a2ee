package org.mlmsuite.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the numbers a Markdown page quotes come from the raw files it cites
 * (docs/benchmarks.md and the reports, logs and JSON under docs/benchmarks/).
 *
 * <p>The page is split into sections at its headings. A section cites its raw files in a comment,
 * {@code <!-- raw: benchmarks/full/report.json, benchmarks/tasks/sst2-eval.json -->} (paths
 * relative to the page; several comments add up). Checked are the numbers of its tables (every
 * cell but the header row and the first column, which name things) and, in its prose, the numbers
 * written with two or more decimals (scores, losses); code blocks and {@code `code`} are skipped. A
 * quoted number passes when some number of a cited file, or that number x 100 (fractions quoted as
 * percentages), rounds to it at the precision it is written with; a number followed by {@code k},
 * {@code M} or {@code min} is first converted (thousands, millions, minutes to seconds). A section that quotes checked
 * numbers without citing any raw file fails, so a new section has to follow the rule. A section
 * whose figures have no committed raw file says so twice: {@code <!-- raw: none -->} for this
 * check, and the words {@value #UNBACKED} for its reader; its numbers are then not checked.
 */
final class DocumentedNumbers {
  static final String UNBACKED = "not backed by a committed raw file";
  private static final Pattern RAW = Pattern.compile("<!--\\s*raw:\\s*(.*?)\\s*-->");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} .*");
  /**
   * A number standing alone: not part of a word or identifier (H128, ckpt-500, #5), a version
   * (2.6.0), an exponent (1e-4), or a figure with a letter attached: ratios such as 2.07x are
   * computed from checked figures, not read from a file.
   */
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.#])(?<![A-Za-z]-)\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\w]|\\.\\d)"
      + "|(?<![\\w.#,])(?<![A-Za-z]-)\\d+(?:\\.\\d+)?(?![\\w,]|\\.\\d)");
  private static final Pattern RAW_NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
  private static final Pattern UNIT = Pattern.compile("^ ?(k|M|min)\\b");
  private static final Map<String, Double> UNIT_SCALE = Map.of("k", 1e3, "M", 1e6, "min", 60.0);

  private final Path page;
  private final Map<Path, double[]> rawNumbers = new HashMap<>();

  private DocumentedNumbers(Path page) {
    this.page = page;
  }

  /** What is wrong with the page, one line each ("benchmarks.md:12: ..."); empty when every checked number is found. */
  static List<String> problems(Path page) {
    return new DocumentedNumbers(page).check();
  }

  private record Section(String title, int firstLine, List<String> lines) {}

  private List<String> check() {
    List<String> problems = new ArrayList<>();
    for (Section section : sections(read(page))) {
      List<Path> raw = new ArrayList<>();
      boolean unbacked = false;
      List<String> quoted = new ArrayList<>(); // "line: number"
      boolean inCode = false;
      boolean inInlineCode = false;
      boolean inTable = false;
      for (int i = 0; i < section.lines().size(); i++) {
        String line = section.lines().get(i);
        int lineNumber = section.firstLine() + i;
        if (line.strip().startsWith("```")) {
          inCode = !inCode;
          continue;
        }
        if (inCode) {
          continue;
        }
        // inline code (commands, flags, examples) may run on over a line break
        StringBuilder prose = new StringBuilder();
        for (String piece : line.split("`", -1)) {
          if (!inInlineCode) {
            prose.append(piece);
          }
          inInlineCode = !inInlineCode;
        }
        inInlineCode = !inInlineCode; // one toggle per backtick, not per piece
        Matcher citation = RAW.matcher(prose);
        while (citation.find()) {
          if (citation.group(1).equals("none")) {
            unbacked = true;
            continue;
          }
          for (String file : citation.group(1).split(",")) {
            Path path = page.resolveSibling(file.strip()).normalize();
            if (Files.isRegularFile(path)) {
              raw.add(path);
            } else {
              problems.add(where(lineNumber) + "cites " + file.strip() + ", which does not exist");
            }
          }
        }
        String text = RAW.matcher(prose).replaceAll("");
        if (text.startsWith("|")) {
          boolean header = !inTable;
          inTable = true;
          if (header || text.matches("\\|[-:| ]+\\|?")) {
            continue;
          }
          List<String> cells = Arrays.asList(text.split("\\|"));
          for (String cell : cells.subList(Math.min(2, cells.size()), cells.size())) {
            numbers(cell, 0).forEach(n -> quoted.add(lineNumber + ": " + n));
          }
        } else {
          inTable = false;
          numbers(text, 2).forEach(n -> quoted.add(lineNumber + ": " + n));
        }
      }
      if (unbacked) {
        String visible = RAW.matcher(String.join(" ", section.lines())).replaceAll("").replaceAll("\\s+", " ");
        if (!visible.contains(UNBACKED)) {
          problems.add(where(section.firstLine()) + "section '" + section.title() + "' declares <!-- raw: none --> but does not"
              + " tell its reader that its figures are " + UNBACKED);
        }
        continue;
      }
      if (quoted.isEmpty()) {
        continue;
      }
      if (raw.isEmpty()) {
        problems.add(where(section.firstLine()) + "section '" + section.title() + "' quotes " + quoted.size()
            + " numbers (first: line " + quoted.get(0) + ") but cites no raw file (<!-- raw: path -->)");
        continue;
      }
      for (String q : quoted) {
        String number = q.substring(q.indexOf(": ") + 2);
        if (raw.stream().noneMatch(file -> contains(file, number))) {
          problems.add(where(Integer.parseInt(q.substring(0, q.indexOf(':')))) + number + " is in none of "
              + raw.stream().map(p -> page.getParent().relativize(p).toString()).toList());
        }
      }
    }
    return problems;
  }

  /** The numbers of {@code text} written with at least {@code minDecimals} decimals, each with its unit if it has one ("4.85 M"). */
  static List<String> numbers(String text, int minDecimals) {
    List<String> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String n = m.group();
      int dot = n.indexOf('.');
      if ((dot < 0 ? 0 : n.length() - dot - 1) >= minDecimals) {
        Matcher unit = UNIT.matcher(text.substring(m.end()));
        out.add(unit.find() ? n + " " + unit.group(1) : n);
      }
    }
    return out;
  }

  /** Whether a number of {@code file}, or 100 times one, rounds to {@code quoted} (converted from its unit) at its precision. */
  private boolean contains(Path file, String quoted) {
    String[] numberAndUnit = quoted.split(" ");
    double scale = numberAndUnit.length > 1 ? UNIT_SCALE.get(numberAndUnit[1]) : 1;
    String plain = numberAndUnit[0].replace(",", "");
    int dot = plain.indexOf('.');
    int decimals = dot < 0 ? 0 : plain.length() - dot - 1;
    double value = Double.parseDouble(plain) * scale;
    double halfUnit = 0.5 * Math.pow(10, -decimals) * scale * (1 + 1e-9);
    double[] sorted = rawNumbers.computeIfAbsent(file, DocumentedNumbers::rawNumbers);
    int at = Arrays.binarySearch(sorted, value - halfUnit);
    int from = at >= 0 ? at : -at - 1;
    return from < sorted.length && sorted[from] <= value + halfUnit;
  }

  /** Every number of the file, as written and x 100, absolute, sorted. */
  private static double[] rawNumbers(Path file) {
    Matcher m = RAW_NUMBER.matcher(read(file).stream().reduce("", (a, b) -> a + "\n" + b));
    List<Double> values = new ArrayList<>();
    while (m.find()) {
      double v = Math.abs(Double.parseDouble(m.group()));
      values.add(v);
      values.add(v * 100);
    }
    return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  private static List<Section> sections(List<String> lines) {
    List<Section> sections = new ArrayList<>();
    String title = "(top)";
    int first = 1;
    boolean inCode = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("```")) {
        inCode = !inCode;
      }
      if (!inCode && HEADING.matcher(line).matches()) {
        sections.add(new Section(title, first, lines.subList(first - 1, i)));
        title = line.replaceFirst("^#+ ", "");
        first = i + 1;
      }
    }
    sections.add(new Section(title, first, lines.subList(first - 1, lines.size())));
    return sections;
  }

  private String where(int line) {
    return page.getFileName() + ":" + line + ": ";
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

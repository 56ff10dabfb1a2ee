package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19's fuzz corpus for the commands (datasets' ReaderFuzzTest covers the readers alone):
 * generated bad inputs and seeded byte mutations of valid ones, each run through the matching
 * command in-process under a time limit. Each must exit 0 or 2 with at most a few stderr lines
 * and no stack trace, and change no file but its named output. The tally by kind is printed at
 * the end (docs/benchmarks.md, reliability table).
 */
class CliFuzzCorpusTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final int MAX_STDERR_LINES = 4;
  private static final Map<String, int[]> TALLY = new TreeMap<>(); // kind -> {cases, exit 0, exit 2}
  private static final List<String> ACCEPTED = new ArrayList<>(); // the cases that exited 0
  static TinyModels models;
  @TempDir static Path work;

  @BeforeAll
  static void build() throws IOException {
    models = TinyModels.get();
  }

  /** One command on one input: {@code folder} holds its inputs and {@code output} (may be null). */
  private record Case(String kind, String name, Path folder, Path output, byte[] stdin, List<String> args) {}

  @TestFactory
  Stream<DynamicTest> everyCaseExitsZeroOrTwoInOneLineAndTouchesOnlyItsOutput() throws IOException {
    List<Case> cases = new ArrayList<>();
    classifyPredictFiles(cases);
    classifyEvalFiles(cases);
    stdinCases(cases);
    summarizeEvalFiles(cases);
    modelDirectories(cases);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.kind() + ": " + c.name(), () -> check(c)));
  }

  private void classifyPredictFiles(List<Case> cases) throws IOException {
    String valid = Files.readString(models.classificationCsv);
    Map<String, byte[]> bad = new TreeMap<>();
    bad.put("ragged rows", bytes("text,label\nthe movie,good\nthe plot,bad,extra,fields\nit\n"));
    bad.put("missing text column", bytes("words,label\nthe movie,good\n"));
    bad.put("empty text cell", bytes("text,label\nthe movie,good\n,bad\n"));
    bad.put("invalid UTF-8", concat(bytes("text,label\nthe movie,good\nthe caf"), new byte[] {(byte) 0xE9}, bytes(",bad\n")));
    bad.put("PNG as CSV", concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, randomBytes(400, 1)));
    bad.put("gzip of a PNG as CSV", gzip(concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, randomBytes(400, 2))));
    bad.put("truncated gzip", Arrays.copyOf(gzip(bytes(valid)), 40));
    bad.put("gzip of a valid CSV", gzip(bytes(valid)));
    bad.put("empty file", new byte[0]);
    bad.put("header only", bytes("text,label\n"));
    bad.put("unterminated quote", bytes("text,label\n\"the movie,good\nthe plot,bad\n"));
    bad.put("NUL bytes", bytes("text,label\nthe\0movie,good\n"));
    for (var e : bad.entrySet()) {
      cases.add(predictCase("classify predict, bad file", e.getKey(), "in.csv", e.getValue()));
    }
    for (int seed = 0; seed < 12; seed++) {
      cases.add(predictCase("classify predict, mutated CSV", "seed " + seed, "in.csv", mutate(bytes(valid), seed)));
    }
    String validTsv = Files.readString(models.classificationTsv);
    for (int seed = 0; seed < 8; seed++) {
      cases.add(predictCase("classify predict, mutated TSV", "seed " + seed, "in.tsv", mutate(bytes(validTsv), 100 + seed)));
    }
  }

  private Case predictCase(String kind, String name, String fileName, byte[] content) throws IOException {
    Path folder = caseFolder();
    Path input = Files.write(folder.resolve(fileName), content);
    Path output = folder.resolve("out.csv");
    return new Case(kind, name, folder, output, null, List.of("classify", "predict", "--model",
        models.classifier.toString(), "--input", input.toString(), "--output", output.toString()));
  }

  private void classifyEvalFiles(List<Case> cases) throws IOException {
    String valid = Files.readString(models.classificationTsv);
    Map<String, byte[]> bad = new TreeMap<>();
    bad.put("unknown label", bytes("text\tlabel\nthe movie\tgood\nthe plot\tneutral\n"));
    bad.put("missing label column", bytes("text\tstars\nthe movie\t5\n"));
    bad.put("empty label cell", bytes("text\tlabel\nthe movie\t\n"));
    bad.put("ragged rows", bytes("text\tlabel\nthe movie\tgood\textra\n"));
    for (var e : bad.entrySet()) {
      cases.add(evalCase("classify eval, bad file", e.getKey(), e.getValue()));
    }
    for (int seed = 0; seed < 8; seed++) {
      cases.add(evalCase("classify eval, mutated TSV", "seed " + seed, mutate(bytes(valid), 200 + seed)));
    }
  }

  private Case evalCase(String kind, String name, byte[] content) throws IOException {
    return reportCase(kind, name, "test.tsv", content, "classify", "eval", "--model", models.classifier.toString());
  }

  /** An eval command on {@code content} as its --test file, writing its --report into the case folder. */
  private Case reportCase(String kind, String name, String fileName, byte[] content, String... command) throws IOException {
    Path folder = caseFolder();
    Path test = Files.write(folder.resolve(fileName), content);
    Path report = folder.resolve("report");
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--test", test.toString(), "--report", report.toString()));
    return new Case(kind, name, folder, report, null, args);
  }

  private void stdinCases(List<Case> cases) throws IOException {
    List<String> predict = List.of("classify", "predict", "--model", models.classifier.toString());
    List<String> summarize = List.of("summarize", "run", "--model", models.summarizer.toString());
    List<String> translate = List.of("translate", "run", "--model", models.translator.toString(), "--beam", "1");
    byte[] latin1 = concat(bytes("the movie\nthe caf"), new byte[] {(byte) 0xE9}, bytes("\n"));
    cases.add(stdinCase("classify predict, stdin", "invalid UTF-8", latin1, predict));
    cases.add(stdinCase("classify predict, stdin", "blank line", bytes("the movie\n\nthe plot\n"), predict));
    cases.add(stdinCase("translate run, stdin", "invalid UTF-8", latin1, translate));
    cases.add(stdinCase("translate run, stdin", "a 5,000-word line", bytes("the movie ".repeat(5000) + "\n"), translate));
    cases.add(stdinCase("summarize run, stdin", "not JSON", bytes("the movie was good\n"), summarize));
    cases.add(stdinCase("summarize run, stdin", "missing document field", bytes("{\"text\": \"the cat sat .\"}\n"), summarize));
    cases.add(stdinCase("summarize run, stdin", "invalid UTF-8",
        concat(bytes("{\"document\": \"caf"), new byte[] {(byte) 0xE9}, bytes(" .\"}\n")), summarize));
    cases.add(stdinCase("summarize run, stdin", "JSON array, not object", bytes("[1, 2]\n"), summarize));
    byte[] lines = bytes(TinyModels.labeledRows(20, 9, '\t').replaceAll("\t(good|bad)", ""));
    byte[] documents = bytes(TinyModels.documents(6, 10));
    for (int seed = 0; seed < 6; seed++) {
      cases.add(stdinCase("classify predict, stdin mutated", "seed " + seed, mutate(lines, 300 + seed), predict));
      cases.add(stdinCase("translate run, stdin mutated", "seed " + seed, mutate(lines, 400 + seed), translate));
      cases.add(stdinCase("summarize run, stdin mutated", "seed " + seed, mutate(documents, 500 + seed), summarize));
    }
  }

  private Case stdinCase(String kind, String name, byte[] stdin, List<String> args) throws IOException {
    return new Case(kind, name, caseFolder(), null, stdin, args);
  }

  private void summarizeEvalFiles(List<Case> cases) throws IOException {
    byte[] valid = Files.readAllBytes(models.summariesJsonl);
    cases.add(summarizeEvalCase("summarize eval, bad file", "missing summary field",
        bytes("{\"document\": \"the cat sat . the dog ran .\"}\n")));
    cases.add(summarizeEvalCase("summarize eval, bad file", "empty document",
        bytes("{\"document\": \"\", \"summary\": \"the cat sat .\"}\n")));
    for (int seed = 0; seed < 6; seed++) {
      cases.add(summarizeEvalCase("summarize eval, mutated JSONL", "seed " + seed, mutate(valid, 600 + seed)));
    }
  }

  private Case summarizeEvalCase(String kind, String name, byte[] content) throws IOException {
    return reportCase(kind, name, "test.jsonl", content, "summarize", "eval", "--model", models.summarizer.toString());
  }

  /** Copies of the backbone (fill-mask) and the classifier (predict) with one file damaged. */
  private void modelDirectories(List<Case> cases) throws IOException {
    String[] files = {"config.json", "vocab.txt", "weights/model.index", "weights/model.data-00000-of-00001", "model.json"};
    int seed = 700;
    for (String file : files) {
      for (String damage : List.of("random bytes", "truncated")) {
        seed++;
        cases.add(fillMaskCase("fill-mask, damaged backbone", file + " " + damage, file, damage, seed));
        cases.add(damagedClassifierCase(file + " " + damage, file, damage, seed));
      }
    }
    Path folder = caseFolder();
    Path empty = Files.createDirectories(folder.resolve("empty"));
    cases.add(new Case("fill-mask, foreign folder", "empty folder", folder, null, null,
        List.of("fill-mask", "--model", empty.toString(), "the [MASK] sat")));
    cases.add(new Case("fill-mask, foreign folder", "a translator's folder", caseFolder(), null, null,
        List.of("fill-mask", "--model", models.translator.toString(), "the [MASK] sat")));
    cases.add(new Case("classify predict, foreign model", "a summarizer's folder", caseFolder(), null,
        bytes("the movie\n"), List.of("classify", "predict", "--model", models.summarizer.toString())));
  }

  private Case fillMaskCase(String kind, String name, String file, String damage, int seed) throws IOException {
    Path folder = caseFolder();
    Path model = copyTree(models.backbone, folder.resolve("model"));
    damage(model.resolve(file), damage, seed);
    return new Case(kind, name, folder, null, null, List.of("fill-mask", "--model", model.toString(), "the [MASK] sat"));
  }

  private Case damagedClassifierCase(String name, String file, String damage, int seed) throws IOException {
    Path folder = caseFolder();
    Path model = copyTree(models.classifier, folder.resolve("model"));
    damage(model.resolve(file), damage, seed);
    return new Case("classify predict, damaged model", name, folder, null, bytes("the movie\n"),
        List.of("classify", "predict", "--model", model.toString()));
  }

  private static void damage(Path file, String how, int seed) throws IOException {
    byte[] content = Files.readAllBytes(file);
    if (how.equals("truncated")) {
      Files.write(file, Arrays.copyOf(content, Math.min(content.length / 2, 100)));
    } else {
      Random r = new Random(seed);
      for (int i = 0; i < 1 + content.length / 50; i++) {
        content[r.nextInt(content.length)] = (byte) r.nextInt(256);
      }
      Files.write(file, content);
    }
  }

  private void check(Case c) throws IOException {
    Map<String, String> before = listing(c.folder());
    Map<String, String> modelsBefore = listing(models.root);
    MainTest.Captured out = assertTimeoutPreemptively(LIMIT,
        () -> c.stdin() == null ? MainTest.Captured.run(c.args().toArray(String[]::new))
            : IoErrorsTest.withStdin(c.stdin(), c.args().toArray(String[]::new)));
    tally(c.kind() + (out.exitCode() == 0 ? " (" + c.name() + ")" : ""), c.kind(), out.exitCode());
    String err = out.stderr().strip();
    assertTrue(out.exitCode() == 0 || out.exitCode() == Main.EXIT_USER_ERROR, "exit " + out.exitCode() + ": " + err);
    assertTrue(err.lines().count() <= MAX_STDERR_LINES, err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    if (out.exitCode() != 0) {
      assertTrue(err.lines().reduce((a, b) -> b).orElse("").startsWith("mlm: "), err);
    }
    Map<String, String> after = listing(c.folder());
    if (c.output() != null) {
      String output = c.folder().relativize(c.output()).toString();
      after.keySet().removeIf(p -> p.equals(output) || p.startsWith(output + "/"));
      before.keySet().removeIf(p -> p.equals(output) || p.startsWith(output + "/"));
    }
    assertEquals(before, after, "files other than the named output changed");
    assertEquals(modelsBefore, listing(models.root), "the shared models changed");
  }

  private static synchronized void tally(String name, String kind, int exitCode) {
    if (exitCode == 0) {
      ACCEPTED.add(name);
    }
    int[] counts = TALLY.computeIfAbsent(kind, k -> new int[3]);
    counts[0]++;
    counts[exitCode == 0 ? 1 : 2]++;
  }

  /** The reliability table for docs/benchmarks.md: cases by kind and their outcomes. */
  @AfterAll
  static void printTally() {
    StringBuilder table = new StringBuilder("| kind | cases | exit 0 | exit 2, one line |\n|---|---|---|---|\n");
    TALLY.forEach((kind, n) -> table.append("| ").append(kind).append(" | ").append(n[0]).append(" | ")
        .append(n[1]).append(" | ").append(n[2]).append(" |\n"));
    System.out.print(table);
    System.out.println("exit 0: " + String.join("; ", ACCEPTED));
  }

  /** Every file and folder below {@code root} with its size and modification time. */
  static Map<String, String> listing(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        files.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir"
            : Files.size(p) + " bytes, " + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return files;
  }

  private static int caseNumber;

  private static Path caseFolder() throws IOException {
    return Files.createDirectories(work.resolve("case-" + caseNumber++));
  }

  /**
   * A seeded random edit of valid bytes: flips, inserts (delimiters, quotes, newlines, high bytes),
   * deletions, a truncation or a duplicated span; one to four of them.
   */
  static byte[] mutate(byte[] valid, long seed) {
    Random r = new Random(seed);
    byte[] special = {',', '\t', '"', '\n', '\r', '{', '}', ':', (byte) 0xC3, (byte) 0xFF, 0};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(valid);
    byte[] b = out.toByteArray();
    for (int edit = 0; edit < 1 + r.nextInt(4); edit++) {
      int at = b.length == 0 ? 0 : r.nextInt(b.length);
      switch (r.nextInt(5)) {
        case 0 -> { if (b.length > 0) { b[at] = (byte) r.nextInt(256); } }
        case 1 -> b = concat(Arrays.copyOf(b, at), new byte[] {special[r.nextInt(special.length)]}, Arrays.copyOfRange(b, at, b.length));
        case 2 -> b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, Math.min(b.length, at + 1 + r.nextInt(20)), b.length));
        case 3 -> b = Arrays.copyOf(b, at);
        default -> b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at, Math.min(b.length, at + r.nextInt(60))),
            Arrays.copyOfRange(b, at, b.length));
      }
    }
    return b;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(content);
    }
    return out.toByteArray();
  }

  private static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}

package org.mlmsuite.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A benchmark suite as data: how to build the one backbone every task shares, and the task runs
 * (dataset, subset sizes, fine-tuning budget, baselines). The built-in suites are resources
 * {@code quick.json} and {@code full.json} beside this class; {@code --suite} also takes a JSON file of
 * the same shape.
 */
@JsonIgnoreProperties({"comment"})
record BenchSuite(String name, String description, BackboneRecipe backbone, List<TaskRun> tasks) {
  static final List<String> BUILT_IN = List.of("quick", "full");
  static final List<String> TASK_KINDS = List.of("classification", "translation", "summarization");
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  BenchSuite {
    tasks = List.copyOf(tasks);
  }

  /**
   * The shared backbone: a WordPiece vocabulary trained on {@code corpus}, then masked-LM
   * pretraining on the same corpus.
   */
  @JsonIgnoreProperties({"comment"})
  record BackboneRecipe(String preset, int vocabSize, boolean cased, List<String> corpus, String masking, long steps,
      int batchSize, int seqLength, double lr, long seed) {
    BackboneRecipe withSteps(long newSteps) {
      return new BackboneRecipe(preset, vocabSize, cased, corpus, masking, newSteps, batchSize, seqLength, lr, seed);
    }

    BackboneRecipe withMasking(String spec, long newSeed) {
      return new BackboneRecipe(preset, vocabSize, cased, corpus, spec, steps, batchSize, seqLength, lr, newSeed);
    }
  }

  /**
   * One fine-tune-and-evaluate run.
   *
   * @param task classification, translation or summarization
   * @param mode summarization only: extractive or abstractive
   * @param trainExamples 0: the whole training split; else a seeded random sample (classification)
   *     or the first N documents (summarization); translation trains on the whole split
   * @param testExamples 0: the whole test split; else a seeded sample (classification) or the first N
   * @param baselines no-pretraining (same task, random init), doccat, lead-N, longest-N; translation
   *     always scores copy-source
   * @param beams translation: beam sizes to score (1 = greedy)
   * @param reference key into the published reference numbers (references.json)
   */
  @JsonIgnoreProperties({"comment"})
  record TaskRun(String name, String task, String mode, String title, String train, String dev, String test,
      int trainExamples, int testExamples, long steps, int batchSize, int maxLength, double lr, long seed,
      List<String> baselines, List<Integer> beams, String reference) {
    TaskRun {
      baselines = baselines == null ? List.of() : List.copyOf(baselines);
      beams = beams == null ? List.of() : List.copyOf(beams);
      mode = mode == null ? "extractive" : mode;
      seed = seed == 0 ? 42 : seed;
    }

    boolean hasBaseline(String baseline) {
      return baselines.contains(baseline);
    }

    TaskRun withSteps(long newSteps) {
      return new TaskRun(name, task, mode, title, train, dev, test, trainExamples, testExamples, newSteps, batchSize,
          maxLength, lr, seed, baselines, beams, reference);
    }

    TaskRun withSeed(long newSeed) {
      return new TaskRun(name, task, mode, title, train, dev, test, trainExamples, testExamples, steps, batchSize,
          maxLength, lr, newSeed, baselines, beams, reference);
    }
  }

  /** A built-in suite by name, or a suite JSON file. */
  static BenchSuite load(String nameOrFile) {
    Path file = Path.of(nameOrFile);
    if (nameOrFile.endsWith(".json") && Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        return read(in, file.toString());
      } catch (IOException e) {
        throw new IllegalArgumentException(file + ": cannot read suite (" + e.getMessage() + ")");
      }
    }
    String name = nameOrFile.toLowerCase(Locale.ROOT);
    if (!BUILT_IN.contains(name)) {
      throw new IllegalArgumentException("--suite: unknown suite '" + nameOrFile + "' (known: "
          + String.join(", ", BUILT_IN) + ", or a suite .json file)");
    }
    try (InputStream in = BenchSuite.class.getResourceAsStream(name + ".json")) {
      return read(in, name + ".json");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in suite " + name, e);
    }
  }

  private static BenchSuite read(InputStream in, String where) throws IOException {
    BenchSuite suite;
    try {
      suite = JSON.readValue(in, BenchSuite.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(where + ": not a bench suite (" + e.getOriginalMessage() + ")");
    }
    Set<String> names = new LinkedHashSet<>();
    for (TaskRun t : suite.tasks()) {
      if (!TASK_KINDS.contains(t.task())) {
        throw new IllegalArgumentException(where + ": task run '" + t.name() + "': field 'task' is '" + t.task()
            + "' (known: " + String.join(", ", TASK_KINDS) + ")");
      }
      if (!names.add(t.name())) {
        throw new IllegalArgumentException(where + ": task run name '" + t.name() + "' appears twice");
      }
    }
    return suite;
  }

  /** The suite with other budgets: 0 keeps the suite's pretraining or fine-tuning steps. */
  BenchSuite withSteps(long pretrainSteps, long finetuneSteps) {
    return new BenchSuite(name, description, pretrainSteps > 0 ? backbone.withSteps(pretrainSteps) : backbone,
        finetuneSteps > 0 ? tasks.stream().map(t -> t.withSteps(finetuneSteps)).toList() : tasks);
  }

  /**
   * The task runs selected by {@code --only}: each item a task kind (classification, ...) or a run
   * name (sst2, ...); null or empty selects all.
   */
  BenchSuite only(List<String> selection) {
    if (selection == null || selection.isEmpty()) {
      return this;
    }
    List<String> known = new ArrayList<>(TASK_KINDS);
    tasks.forEach(t -> known.add(t.name()));
    for (String s : selection) {
      if (!known.contains(s)) {
        throw new IllegalArgumentException("--only: unknown task '" + s + "' (known: " + String.join(", ", known) + ")");
      }
    }
    List<TaskRun> kept = tasks.stream().filter(t -> selection.contains(t.task()) || selection.contains(t.name())).toList();
    return new BenchSuite(name, description, backbone, kept);
  }
}

package org.mlmsuite.summarization;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.TrainingProvenance;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.seq2seq.GenerationOptions;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTraining;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTrainingConfig;
import org.mlmsuite.backbone.seq2seq.TextPair;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.datasets.SummaryExample;
import org.mlmsuite.eval.report.LossCurve;

/**
 * Trains an abstractive summarizer: the shared BERT2BERT encoder-decoder ({@link Seq2SeqTraining},
 * warm-started from a backbone or, with {@code noPretraining}, randomly initialised with the same
 * shape) on document -> first reference, exported as a {@code seq2seq} model directory with a
 * {@link SummarizerInfo} of mode {@value SummarizerInfo#ABSTRACTIVE}. Documents are fed as text,
 * dialogue turns and speaker tags included (line breaks become spaces in the tokenizer); sources
 * longer than {@code maxSourceLength} (by default the backbone's max positions) are cut and
 * counted. With dev examples the lowest dev loss is exported (early stopping with {@code patience}).
 *
 * @param messages one line for each step worth telling (data, warm start, export)
 * @param progress the training progress display
 */
public record AbstractiveTraining(Consumer<String> messages, TrainingProgress progress) {
  /**
   * Default summary limit in word pieces, [CLS]/[SEP] included: DialogSum's training summaries have
   * 29 BERT basic tokens at the median and 76 at the 99th percentile (114 at the 99.9th).
   */
  public static final int DEFAULT_MAX_TARGET = 128;
  public static final int DEFAULT_NO_REPEAT_NGRAM = 3;
  /** The automatic minimum length is this percentile of the training summaries' lengths. */
  public static final double MIN_LENGTH_PERCENTILE = 5;

  /**
   * @param minLength the saved decoding minimum in word pieces, or null for the {@value
   *     #MIN_LENGTH_PERCENTILE}th percentile of the training references' lengths
   * @param dev may be empty
   * @param resume continue the run in {@code output} from its newest checkpoint
   * @param overwrite replace a finished summarizer in {@code output}
   */
  public record Request(Path backbone, List<SummaryExample> train, String trainDescription, List<SummaryExample> dev,
      String devDescription, Seq2SeqTrainingConfig config, Integer minLength, Path output, boolean resume,
      boolean overwrite) {}

  /** The run and the summarizer record written with it. */
  public record Result(Seq2SeqTraining.Result training, SummarizerInfo info, int truncatedDocuments,
      int trainDocuments) {}

  /**
   * Summarization defaults for a backbone: sources up to its max positions, summaries up to
   * {@value #DEFAULT_MAX_TARGET} word pieces, batch 8, lr 1e-4, and decoding with beam 4, length
   * penalty 1.0 (mean log-probability per piece, as translation: the minimum length, not a larger
   * alpha, keeps summaries from being cut short), no-repeat trigrams and max length = the summary
   * limit. {@link Request#minLength()} sets the minimum.
   */
  public static Seq2SeqTrainingConfig defaults(Path backbone, long steps) {
    int positions = ModelDirectory.open(backbone, UntrainedBackbone.KIND).config().maxPositions();
    int target = Math.min(DEFAULT_MAX_TARGET, positions);
    return Seq2SeqTrainingConfig.defaults(steps).withBatch(8, 1e-4).withLengths(positions, target)
        .withGeneration(new GenerationOptions(4, 1.0, target, 0, DEFAULT_NO_REPEAT_NGRAM));
  }

  public Result run(Request request) {
    if (request.train().isEmpty()) {
      throw new IllegalArgumentException(request.trainDescription() + ": no training examples");
    }
    ModelDirectory backbone = ModelDirectory.open(request.backbone(), UntrainedBackbone.KIND);
    WordPieceTokenizer tokenizer = backbone.tokenizer();
    Seq2SeqTrainingConfig cfg = request.config();
    GenerationOptions generation = cfg.generation();
    int minLength = request.minLength() != null ? request.minLength()
        : Math.min(generation.maxLength() - 1, percentileLength(tokenizer, request.train(), MIN_LENGTH_PERCENTILE));
    if (minLength >= generation.maxLength()) {
      throw new IllegalArgumentException("--min-length " + minLength + " must be below the maximum summary length "
          + generation.maxLength());
    }
    cfg = cfg.withGeneration(generation.withMinLength(minLength));
    SentencePolicy policy =
        SentencePolicy.detect(request.train().stream().limit(200).map(SummaryExample::document).toList());

    Details details = new Details("the first reference summary of each example", request.minLength() != null
        ? "given: " + minLength
        : String.format(Locale.ROOT, "%d word pieces: the %.0fth percentile of the training summaries",
            minLength, MIN_LENGTH_PERCENTILE));
    int sourceLength = cfg.maxSourceLength();
    Function<TrainingProvenance, SummarizerInfo> info = provenance -> new SummarizerInfo(SummarizerInfo.ABSTRACTIVE, 0,
        policy.cliName(), sourceLength, false, provenance);
    messages.accept(String.format(Locale.ROOT, "summarize: abstractive, %d train documents (%s); decoding defaults "
            + "beam %d, length penalty %.2f, min length %d, max length %d, no-repeat %d-grams",
        request.train().size(), request.trainDescription(), generation.beamSize(), generation.lengthPenalty(),
        minLength, generation.maxLength(), generation.noRepeatNgramSize()));
    Seq2SeqTraining.Task task = new Seq2SeqTraining.Task("abstractive summarization", request.trainDescription(), null,
        request.dev().isEmpty() ? null : request.devDescription(), details,
        provenance -> Map.of(SummarizerInfo.FILE_NAME, info.apply(provenance)));
    Seq2SeqTraining.Result r = new Seq2SeqTraining(messages, progress.afterEachCheckpoint(LossCurve::write)).run(new Seq2SeqTraining.Request(
        request.backbone(), pairs(request.train()), pairs(request.dev()), cfg, request.output(), request.resume(),
        request.overwrite(), task));
    LossCurve.write(request.output());
    messages.accept(String.format(Locale.ROOT, "summarize: %d of %d training documents (%.1f%%) truncated to %d word "
            + "pieces", r.truncatedSources(), request.train().size(),
        100.0 * r.truncatedSources() / request.train().size(), cfg.maxSourceLength()));
    return new Result(r, info.apply(r.provenance()), r.truncatedSources(), request.train().size());
  }

  /** The abstractive summarizer's own part of its provenance: what it learns to write, its minimum length. */
  public record Details(String target, String minLength) {}

  /** Document -> first reference; turns stay in the text. */
  static List<TextPair> pairs(List<SummaryExample> examples) {
    return examples.stream()
        .map(e -> new TextPair(e.document(), e.references().get(0), String.valueOf(e.origin()))).toList();
  }

  /**
   * The nearest-rank percentile of the first references' lengths in word pieces (no [CLS]/[SEP]),
   * over the first 2000 examples (DialogSum: 15 basic tokens at the 5th percentile).
   */
  static int percentileLength(WordPieceTokenizer tokenizer, List<SummaryExample> examples, double percentile) {
    int n = Math.min(examples.size(), 2000);
    int[] lengths = new int[n];
    for (int i = 0; i < n; i++) {
      lengths[i] = tokenizer.encode(examples.get(i).references().get(0), null, 0, 0).ids().length - 2;
    }
    Arrays.sort(lengths);
    int rank = (int) Math.ceil(percentile / 100 * n);
    return Math.max(0, lengths[Math.max(0, rank - 1)]);
  }
}

package org.mlmsuite.backbone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.mlmsuite.backbone.train.AtomicFiles;
import org.mlmsuite.backbone.train.Checkpoint;
import org.mlmsuite.backbone.train.CheckpointStore;
import org.mlmsuite.backbone.train.RunInputs;
import org.mlmsuite.backbone.train.Trainer;

/**
 * The folder a command writes a model into ({@code --out}), checked before anything is written.
 * The one rule every model writer follows (training runs, {@code backbone init}, {@code backbone
 * import}, pretraining):
 *
 * <ul>
 *   <li>a new or empty folder is written in place; so is one holding only the bookkeeping of a
 *       run that never reached its first checkpoint (nothing of value to lose);
 *   <li>{@code resume}: a folder holding a training run of the same kind is continued in place;
 *   <li>{@code overwrite}: a finished model of the same kind is replaced atomically: the new model
 *       is built in a hidden sibling folder and swapped in by {@link #commit()} only when complete,
 *       so the old one stays intact until then;
 *   <li>anything else is refused with one line naming the folder and what is in it; and the
 *       backbone the run reads is never written, even with {@code overwrite}.
 * </ul>
 */
public final class OutputFolder {
  private final Path target;
  private final Path writeTo;
  private final String kind;
  private final boolean resume;

  private OutputFolder(Path target, Path writeTo, String kind, boolean resume) {
    this.target = target;
    this.writeTo = writeTo;
    this.kind = kind;
    this.resume = resume;
  }

  /**
   * Checks {@code out} for a model of {@code kind} and says where to write it.
   *
   * @param reads a model folder the run reads (its backbone), or null
   * @throws IllegalArgumentException one line naming the folder and what is in it
   */
  public static OutputFolder claim(Path out, String kind, boolean resume, boolean overwrite, Path reads) {
    if (resume && overwrite) {
      throw new IllegalArgumentException(out + ": --resume continues the run there and --overwrite replaces it; "
          + "give one of them");
    }
    if (reads != null) {
      refuseOverlap(out, reads);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(out + " is a file; --out names a folder");
    }
    List<String> entries = entries(out);
    Optional<Checkpoint> checkpoint = CheckpointStore.latest(out);
    String modelKind = kindOf(out);
    String runKind = RunInputs.read(out).map(RunInputs::kind).orElse(null);
    if (checkpoint.isEmpty() && modelKind == null && Trainer.RUN_FILES.containsAll(entries)) {
      return new OutputFolder(out, out, kind, false);
    }
    if (resume && checkpoint.isPresent() && sameOrUnknown(modelKind, kind) && sameOrUnknown(runKind, kind)) {
      return new OutputFolder(out, out, kind, true);
    }
    if (overwrite && kind.equals(modelKind)) {
      return new OutputFolder(out, out.resolveSibling("." + out.getFileName() + ".replacing"), kind, false);
    }
    throw new IllegalArgumentException(refusal(out, kind, resume, overwrite, entries, checkpoint, modelKind, runKind));
  }

  private static String refusal(Path out, String kind, boolean resume, boolean overwrite, List<String> entries,
      Optional<Checkpoint> checkpoint, String modelKind, String runKind) {
    String holds = modelKind != null ? "holds a '" + modelKind + "' model (" + summary(entries) + ")"
        : checkpoint.isPresent() ? "holds an unfinished " + (runKind == null ? "" : "'" + runKind + "' ")
            + "training run (" + checkpoint.get().directory().getFileName() + ")"
        : "is not empty (" + summary(entries) + ")";
    String fix;
    if (resume) {
      fix = "--resume continues only a '" + kind + "' training run there";
    } else if (overwrite) {
      fix = "--overwrite replaces only a finished '" + kind + "' model";
    } else if (kind.equals(modelKind)) {
      fix = "give --overwrite to replace it" + (checkpoint.isPresent() ? " or --resume to continue its run" : "");
    } else if (checkpoint.isPresent() && modelKind == null) {
      fix = "continue it with --resume";
    } else {
      fix = null;
    }
    return out + " " + holds + "; " + (fix == null ? "" : fix + ", or ") + "choose a new folder for --out";
  }

  /** The folder to write into now: {@code --out} itself, or the staging folder of a replacement. */
  public Path path() {
    return writeTo;
  }

  /** The {@code --out} the model ends up in. */
  public Path target() {
    return target;
  }

  public String kind() {
    return kind;
  }

  /** Whether a training run is continued in place. */
  public boolean resume() {
    return resume;
  }

  /** Whether the model is built beside {@code --out} and replaces the old one at {@link #commit()}. */
  public boolean replacing() {
    return !writeTo.equals(target);
  }

  /**
   * Starts writing: a replacement's staging folder is made anew (a killed earlier replacement may
   * have left one).
   */
  public Path begin() {
    if (replacing()) {
      try {
        AtomicFiles.deleteTree(writeTo);
        Files.createDirectories(writeTo);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare " + writeTo, e);
      }
    }
    return writeTo;
  }

  /** Puts the complete model in place: for a replacement, the staged folder takes the old one's place. */
  public void commit() {
    if (replacing()) {
      install(writeTo);
    }
  }

  /** Drops a replacement's staging folder after a failure; the old model was never touched. */
  public void abandon() {
    if (replacing()) {
      try {
        AtomicFiles.deleteTree(writeTo);
      } catch (IOException e) {
        // best effort: the error being reported matters more than this leftover
      }
    }
  }

  /**
   * Moves the complete folder {@code built} to {@code --out}; what was there (an empty folder, a
   * run's bookkeeping, or the model being replaced) is moved aside first and deleted after.
   */
  public void install(Path built) {
    Path old = target.resolveSibling("." + target.getFileName() + ".old");
    try {
      AtomicFiles.deleteTree(old);
      if (Files.exists(target)) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      try {
        Files.move(built, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (Files.exists(old)) {
          Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        }
        throw e;
      }
      AtomicFiles.deleteTree(old);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the new model into " + target, e);
    }
  }

  /** The backbone a run reads must survive it: neither folder may be, or hold, the other. */
  private static void refuseOverlap(Path out, Path reads) {
    Path o = canonical(out);
    Path r = canonical(reads);
    if (o.equals(r)) {
      throw new IllegalArgumentException(out + " is the backbone the run reads; choose a new folder for --out");
    }
    if (o.startsWith(r) || r.startsWith(o)) {
      throw new IllegalArgumentException(out + (o.startsWith(r) ? " is inside" : " holds")
          + " the backbone the run reads (" + reads + "); choose a folder outside it for --out");
    }
  }

  /** The real path of the deepest existing ancestor, joined with the rest: symlinks and ".." resolved. */
  private static Path canonical(Path p) {
    Path absolute = p.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
    } catch (IOException e) {
      return absolute;
    }
  }

  private static List<String> entries(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** The manifest's kind, or null when there is none or it cannot be read (then it is just a file). */
  private static String kindOf(Path dir) {
    Path file = dir.resolve(ModelDirectory.MANIFEST);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return ModelDirectory.readJson(file, ModelDirectory.Manifest.class).kind();
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private static boolean sameOrUnknown(String recorded, String kind) {
    return recorded == null || recorded.equals(kind);
  }

  /** The first few names, then how many more: enough to recognise the folder. */
  private static String summary(List<String> entries) {
    int shown = Math.min(5, entries.size());
    String names = String.join(", ", entries.subList(0, shown));
    return entries.size() > shown ? names + " and " + (entries.size() - shown) + " more" : names;
  }
}

package org.mlmsuite.backbone.train;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.family.TType;

/**
 * Restores a named subset of variables from a checkpoint into another graph, e.g. a pretrained
 * backbone into a task graph whose new head is not in the checkpoint. Maps checkpoint names to
 * graph variable names, checks every shape, and reports all missing names at once.
 *
 * <pre>{@code
 * WeightLoader.from(checkpoint.prefix()).sameNames(backboneVariableNames).restoreInto(session, graph);
 * }</pre>
 *
 * Usable as a {@link WarmStart} for {@link Trainer.Builder#warmStart}.
 */
public final class WeightLoader implements WarmStart {
  private final String prefix;
  private final Map<String, String> graphToCheckpoint = new LinkedHashMap<>();
  /** Graph variables whose checkpoint entry is the 2-D transpose ([in, out] kernels of TF's Dense). */
  private final java.util.Set<String> transposed = new java.util.HashSet<>();

  private WeightLoader(String prefix) {
    this.prefix = prefix;
  }

  /** {@code prefix}: a TF checkpoint prefix such as {@link Checkpoint#prefix()}. */
  public static WeightLoader from(String prefix) {
    return new WeightLoader(prefix);
  }

  /** Loads checkpoint variable {@code checkpointName} into graph variable {@code graphName}. */
  public WeightLoader map(String checkpointName, String graphName) {
    if (graphToCheckpoint.put(graphName, checkpointName) != null) {
      throw new IllegalArgumentException("graph variable '" + graphName + "' is mapped twice");
    }
    return this;
  }

  /**
   * Loads the transpose of 2-D checkpoint variable {@code checkpointName} into {@code graphName}:
   * Google's TF BERT stores dense kernels [in, out], ours are [out, in] like HF's nn.Linear.
   */
  public WeightLoader mapTransposed(String checkpointName, String graphName) {
    map(checkpointName, graphName);
    transposed.add(graphName);
    return this;
  }

  /** Loads each named variable from the checkpoint entry of the same name. */
  public WeightLoader sameNames(Collection<String> names) {
    names.forEach(n -> map(n, n));
    return this;
  }

  @Override
  public void apply(Session session, Graph graph) {
    restoreInto(session, graph);
  }

  /** Restores every mapped variable; returns the graph variable names restored, in order. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public List<String> restoreInto(Session session, Graph graph) {
    if (graphToCheckpoint.isEmpty()) {
      throw new IllegalArgumentException("weight loader: no variables to load from " + prefix);
    }
    List<String> graphNames = new ArrayList<>(graphToCheckpoint.keySet());
    List<String> checkpointNames = new ArrayList<>(graphToCheckpoint.values());
    List<Output<?>> targets = new ArrayList<>();
    List<Class<? extends TType>> types = new ArrayList<>();
    List<String> notInGraph = new ArrayList<>();
    for (String name : graphNames) {
      GraphOperation op = graph.operation(name);
      if (op == null || !op.type().startsWith("Variable")) {
        notInGraph.add(name);
        continue;
      }
      targets.add(op.output(0));
      types.add(op.output(0).type());
    }
    if (!notInGraph.isEmpty()) {
      throw new IllegalArgumentException("weight loader: graph has no variable named " + notInGraph);
    }
    if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(prefix + ".index"))) {
      throw new IllegalArgumentException("weight loader: no checkpoint at " + prefix + " (missing "
          + prefix + ".index)");
    }
    Ops tf = Ops.create(graph);
    Restore restore = restore(tf, checkpointNames, types);
    Result loaded;
    try {
      loaded = fetchAll(session, restore);
    } catch (TensorFlowException e) {
      if (!DamagedWeightsException.isMissingName(e)) {
        throw new DamagedWeightsException(prefix, e);
      }
      List<String> missing = missingNames(session, tf, checkpointNames, types);
      if (missing.isEmpty()) {
        throw e;
      }
      throw new IllegalArgumentException("weight loader: " + prefix + " has no variable named "
          + missing, e);
    }
    try (loaded) {
      List<String> mismatches = new ArrayList<>();
      for (int i = 0; i < graphNames.size(); i++) {
        Shape want = targets.get(i).shape();
        Shape got = transposed.contains(graphNames.get(i))
            ? transpose(loaded.get(i).shape()) : loaded.get(i).shape();
        if (!shapesCompatible(want, got)) {
          mismatches.add("'" + checkpointNames.get(i) + "' " + got + " -> '" + graphNames.get(i) + "' " + want);
        }
      }
      if (!mismatches.isEmpty()) {
        throw new IllegalArgumentException("weight loader: shape mismatch " + String.join(", ", mismatches));
      }
      // Feed the fetched tensors in place of the restore outputs, so the file is read once.
      Session.Runner runner = session.runner();
      for (int i = 0; i < graphNames.size(); i++) {
        Output out = restore.tensors().get(i);
        Operand value = transposed.contains(graphNames.get(i))
            ? tf.linalg.transpose(out, tf.constant(new int[] {1, 0})) : out;
        Assign assign = tf.assign((Operand) targets.get(i), value);
        runner.feed(out, loaded.get(i)).addTarget(assign);
      }
      try (Result ignored = ExitGate.run(runner)) {
        return graphNames;
      }
    }
  }

  private Restore restore(Ops tf, List<String> names, List<Class<? extends TType>> types) {
    String[] slices = new String[names.size()];
    java.util.Arrays.fill(slices, "");
    return tf.train.restore(tf.constant(prefix),
        tf.constant(StandardCharsets.UTF_8, names.toArray(String[]::new)),
        tf.constant(StandardCharsets.UTF_8, slices), types);
  }

  private static Result fetchAll(Session session, Restore restore) {
    Session.Runner runner = session.runner();
    restore.tensors().forEach(runner::fetch);
    return ExitGate.run(runner);
  }

  /** Probes names one at a time (only on the error path) to list every missing one. */
  private List<String> missingNames(Session session, Ops tf, List<String> names,
      List<Class<? extends TType>> types) {
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      try (Result ignored = fetchAll(session, restore(tf, List.of(names.get(i)), List.of(types.get(i))))) {
        // present
      } catch (TensorFlowException e) {
        if (!DamagedWeightsException.isMissingName(e)) {
          throw new DamagedWeightsException(prefix, e);
        }
        missing.add(names.get(i));
      }
    }
    return missing;
  }

  private static Shape transpose(Shape matrix) {
    return matrix.numDimensions() == 2 ? Shape.of(matrix.size(1), matrix.size(0)) : matrix;
  }

  private static boolean shapesCompatible(Shape want, Shape got) {
    if (want.isUnknown()) {
      return true;
    }
    if (want.numDimensions() != got.numDimensions()) {
      return false;
    }
    for (int d = 0; d < want.numDimensions(); d++) {
      if (want.size(d) != Shape.UNKNOWN_SIZE && want.size(d) != got.size(d)) {
        return false;
      }
    }
    return true;
  }
}

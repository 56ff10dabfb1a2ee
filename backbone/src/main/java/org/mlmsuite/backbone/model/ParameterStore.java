package org.mlmsuite.backbone.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Creates the model's variables under flat, Hugging-Face-shaped names ({@code
 * bert.encoder.layer.0.attention.self.query.weight}) and remembers each one's weight-decay flag
 * and initializer.
 *
 * <p>Kernel layout: dense kernels are stored {@code [out, in]}, exactly like HF's {@code
 * nn.Linear.weight}, and applied with {@code matMul(x, W, transposeB)}; embedding tables are
 * {@code [vocab, hidden]} as in HF. A HF checkpoint therefore maps one-to-one, with no transpose.
 *
 * <p>A store is a view: {@link #child(String)} adds a name prefix, {@link #reusing()} returns
 * existing variables instead of creating them (for weight sharing). All views of one root share
 * one registry. Creating a name twice throws (TF would silently rename it {@code name_1}, which
 * changes checkpoint keys). Names contain no {@code /} (Adam slot names reject it).
 */
public final class ParameterStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");

  private final Ops tf;
  private final Map<String, Parameter> registry;
  private final String prefix;
  private final long seed;
  private final double initializerRange;
  private final boolean reuse;

  private ParameterStore(Ops tf, Map<String, Parameter> registry, String prefix, long seed,
      double initializerRange, boolean reuse) {
    this.tf = tf;
    this.registry = registry;
    this.prefix = prefix;
    this.seed = seed;
    this.initializerRange = initializerRange;
    this.reuse = reuse;
  }

  /** A root store: weights drawn from truncated normal(0, initializerRange) seeded by {@code seed}. */
  public static ParameterStore create(Ops tf, long seed, double initializerRange) {
    return new ParameterStore(tf, new LinkedHashMap<>(), "", seed, initializerRange, false);
  }

  /** A view whose names are {@code prefix + "." + segment + "." + name}. */
  public ParameterStore child(String segment) {
    return new ParameterStore(tf, registry, qualify(segment), seed, initializerRange, reuse);
  }

  /** A view that returns the existing variable for a name (shape must match) instead of creating. */
  public ParameterStore reusing() {
    return new ParameterStore(tf, registry, prefix, seed, initializerRange, true);
  }

  /** A view that draws new weights with another std (e.g. a freshly initialised cross-attention). */
  public ParameterStore withInitializerRange(double range) {
    return new ParameterStore(tf, registry, prefix, seed, range, reuse);
  }

  /** Dense kernel or embedding table: truncated normal, weight decay applies. */
  public Parameter weight(String name, long... shape) {
    String full = qualify(name);
    return getOrCreate(full, Shape.of(shape), true,
        new Initializer.TruncatedNormal(initializerRange, seed, nameHash(full)));
  }

  /** Bias or LayerNorm beta: zeros, no weight decay. */
  public Parameter bias(String name, long... shape) {
    return getOrCreate(qualify(name), Shape.of(shape), false, new Initializer.Zeros());
  }

  /** LayerNorm gamma: ones, no weight decay. */
  public Parameter scale(String name, long... shape) {
    return getOrCreate(qualify(name), Shape.of(shape), false, new Initializer.Ones());
  }

  /** An existing parameter by its name relative to this view. */
  public Parameter get(String name) {
    return find(name).orElseThrow(() ->
        new IllegalArgumentException("no parameter named '" + qualify(name) + "'"));
  }

  public Optional<Parameter> find(String name) {
    return Optional.ofNullable(registry.get(qualify(name)));
  }

  /** Every parameter of the root store, in creation order. */
  public List<Parameter> parameters() {
    return Collections.unmodifiableList(new ArrayList<>(registry.values()));
  }

  public String prefix() {
    return prefix;
  }

  public Ops ops() {
    return tf;
  }

  /** {@code prefix.name}, or {@code name} at the root. */
  public String qualify(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  private Parameter getOrCreate(String name, Shape shape, boolean decay, Initializer init) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "parameter name '" + name + "' must match " + NAME.pattern() + " (no '/')");
    }
    Parameter existing = registry.get(name);
    if (reuse) {
      if (existing == null) {
        throw new IllegalArgumentException("cannot reuse parameter '" + name + "': it does not exist");
      }
      if (!existing.shape().equals(shape)) {
        throw new IllegalArgumentException("cannot reuse parameter '" + name + "': shape "
            + existing.shape() + " differs from requested " + shape);
      }
      return existing;
    }
    if (existing != null || graphHas(name)) {
      throw new IllegalStateException("duplicate parameter name '" + name + "'");
    }
    Variable<TFloat32> variable =
        tf.withName(name).variable(init.build(tf.withInitScope(), shape));
    if (!variable.op().name().equals(name)) {
      throw new IllegalStateException(
          "TensorFlow renamed parameter '" + name + "' to '" + variable.op().name() + "'");
    }
    Parameter parameter = new Parameter(name, variable, shape, decay, init);
    registry.put(name, parameter);
    return parameter;
  }

  private boolean graphHas(String name) {
    return tf.scope().env() instanceof Graph graph && graph.operation(name) != null;
  }

  /** FNV-1a 64: a stable per-name seed component. */
  static long nameHash(String name) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}

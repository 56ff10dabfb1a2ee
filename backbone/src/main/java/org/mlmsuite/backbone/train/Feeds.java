package org.mlmsuite.backbone.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.family.TType;

/** Placeholder feeds for one session run; owns the tensors and closes them with itself. */
public final class Feeds implements AutoCloseable {
  private final Map<Operand<?>, Tensor> feeds = new LinkedHashMap<>();
  private final List<Tensor> owned = new ArrayList<>();

  /** Feeds {@code value} to {@code placeholder}; this object takes ownership of {@code value}. */
  public <T extends TType> Feeds put(Operand<T> placeholder, T value) {
    owned.add(value);
    if (feeds.put(placeholder, value) != null) {
      throw new IllegalStateException("placeholder fed twice: " + placeholder.op().name());
    }
    return this;
  }

  /** Adds every feed to {@code runner} (for evaluators and predictors that run the graph). */
  public Session.Runner applyTo(Session.Runner runner) {
    feeds.forEach((op, tensor) -> runner.feed(op, tensor));
    return runner;
  }

  @Override
  public void close() {
    for (Tensor t : owned) {
      t.close();
    }
    owned.clear();
    feeds.clear();
  }
}

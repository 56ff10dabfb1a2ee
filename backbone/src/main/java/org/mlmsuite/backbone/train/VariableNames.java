package org.mlmsuite.backbone.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.family.TType;

/**
 * Creates variables under an exact name. TF silently renames a duplicate {@code x} to {@code x_1},
 * which would change checkpoint keys; and Adam-style slot names reject {@code '/'}.
 */
public final class VariableNames {
  private VariableNames() {}

  /** {@code tf.withName(name).variable(init)} that fails if TF had to rename the variable. */
  public static <T extends TType> Variable<T> checked(Ops tf, String name, Operand<T> init) {
    if (name.contains("/")) {
      throw new IllegalArgumentException("variable name '" + name + "' must not contain '/'");
    }
    Variable<T> v = tf.withName(name).variable(init);
    if (!v.op().name().equals(name)) {
      throw new IllegalArgumentException("variable name '" + name
          + "' is already used in this graph (TF renamed it to '" + v.op().name() + "')");
    }
    return v;
  }
}

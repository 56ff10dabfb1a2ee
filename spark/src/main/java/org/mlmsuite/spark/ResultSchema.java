package org.mlmsuite.spark;

import java.util.Arrays;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Driver-side checks of an input table's columns, and the output schema: input columns, then the new ones. */
final class ResultSchema {
  private ResultSchema() {}

  /** The index of column {@code column}, of any type; a one-line error naming it when missing. */
  static int column(StructType schema, String column, String role) {
    if (column == null || column.isBlank()) {
      throw new IllegalArgumentException("no " + role + " column given");
    }
    int index = Arrays.asList(schema.fieldNames()).indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException(role + " column '" + column + "' not found; the table has "
          + Arrays.toString(schema.fieldNames()));
    }
    return index;
  }

  /** The index of string column {@code column}; a one-line error naming it when missing or not text. */
  static int stringColumn(StructType schema, String column, String role) {
    int index = column(schema, column, role);
    if (!schema.fields()[index].dataType().equals(DataTypes.StringType)) {
      throw new IllegalArgumentException(role + " column '" + column + "' is "
          + schema.fields()[index].dataType().simpleString() + ", expected string");
    }
    return index;
  }

  /** {@code input} with {@code added} at the end; a one-line error when an added name is taken. */
  static StructType append(StructType input, StructField... added) {
    StructType out = input;
    for (StructField field : added) {
      if (Arrays.asList(out.fieldNames()).contains(field.name())) {
        throw new IllegalArgumentException("the input already has a column '" + field.name()
            + "', which the result adds; rename or drop it first");
      }
      out = out.add(field);
    }
    return out;
  }

  static StructField nullable(String name, org.apache.spark.sql.types.DataType type) {
    return DataTypes.createStructField(name, type, true);
  }
}

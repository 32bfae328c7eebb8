package io.volvault.spark;

import io.volvault.app.backtest.SweepRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes sweep rows as one Parquet file: the CSV's columns, with full-precision doubles. An error
 * row has null metrics, intervals, DSR and flags; an undefined DSR or PBO is null.
 */
final class SweepParquet {

    private SweepParquet() {}

    static final MessageType SCHEMA = schema();

    private static MessageType schema() {
        Types.MessageTypeBuilder b = Types.buildMessage();
        b.required(PrimitiveTypeName.DOUBLE).named("target_vol");
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("estimator");
        b.required(PrimitiveTypeName.INT32).named("window_days");
        b.required(PrimitiveTypeName.DOUBLE).named("delta");
        b.required(PrimitiveTypeName.INT32).named("tenor_days");
        for (String c : SweepRunner.columns(SweepRunner.METRICS).split(",")) {
            b.optional(PrimitiveTypeName.DOUBLE).named(c);
        }
        for (String c : SweepRunner.columns(SweepRunner.INTERVAL_COLUMNS).split(",")) {
            b.optional(PrimitiveTypeName.DOUBLE).named(c);
        }
        for (String c : SweepRunner.columns(List.of("dsr")).split(",")) {
            b.optional(PrimitiveTypeName.DOUBLE).named(c);
        }
        b.required(PrimitiveTypeName.INT32).named("trials");
        for (String c : SweepRunner.columns(List.of("pbo")).split(",")) {
            b.optional(PrimitiveTypeName.DOUBLE).named(c);
        }
        b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("flags");
        b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("error");
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("engine");
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("data_hash");
        return b.named("sweep");
    }

    static void write(Path file, List<SweepRunner.Row> rows, SweepRunner.Trials trials, String engine, String dataHash)
        throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(SCHEMA)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (int i = 0; i < rows.size(); i++) {
                SweepRunner.Row r = rows.get(i);
                Group g = groups.newGroup()
                    .append("target_vol", r.point().targetVol())
                    .append("estimator", r.point().estimator())
                    .append("window_days", r.point().windowDays())
                    .append("delta", r.point().delta())
                    .append("tenor_days", r.point().tenorDays());
                if (r.error() != null) {
                    g.append("error", r.error());
                } else {
                    for (int m = 0; m < SweepRunner.METRICS.size(); m++) {
                        append(g, SweepRunner.METRICS.get(m), SweepRunner.overPaths(SweepRunner.metricOverPaths(r, m)));
                    }
                    for (String c : SweepRunner.INTERVAL_COLUMNS) {
                        append(g, c, SweepRunner.overPaths(SweepRunner.intervalOverPaths(r, c)));
                    }
                    g.append("flags", r.flags());
                }
                append(g, "dsr", SweepRunner.overPaths(trials.dsr()[i]));
                g.append("trials", trials.count());
                append(g, "pbo", SweepRunner.overPaths(trials.pbo()));
                w.write(g.append("engine", engine).append("data_hash", dataHash));
            }
        }
    }

    /** name_mean, name_min and name_max; nothing (null) where undefined. */
    private static void append(Group g, String name, double[] overPaths) {
        for (int j = 0; j < SweepRunner.OVER_PATHS.size(); j++) {
            if (!Double.isNaN(overPaths[j])) {
                g.append(name + "_" + SweepRunner.OVER_PATHS.get(j), overPaths[j]);
            }
        }
    }
}

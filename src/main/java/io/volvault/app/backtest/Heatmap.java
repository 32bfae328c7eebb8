package io.volvault.app.backtest;

import io.volvault.app.UserInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/** A metric over two swept parameters (PNG), averaged over the others: the sweep's and the walk-forward's. */
final class Heatmap {

    private Heatmap() {}

    /** A swept parameter's value at a grid point, by its CSV column name. */
    static Function<SweepRunner.Point, Comparable<?>> parameter(String name) {
        return switch (name) {
            case "target_vol" -> SweepRunner.Point::targetVol;
            case "estimator" -> SweepRunner.Point::estimator;
            case "window_days" -> SweepRunner.Point::windowDays;
            case "delta" -> SweepRunner.Point::delta;
            case "tenor_days" -> SweepRunner.Point::tenorDays;
            default -> throw new UserInputException("--heatmap parameter '" + name
                + "' must be one of target_vol, estimator, window_days, delta, tenor_days");
        };
    }

    /** The distinct values of a parameter over the points, sorted. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Comparable<?>> values(List<SweepRunner.Point> points, String name) {
        TreeSet set = new TreeSet();
        for (SweepRunner.Point p : points) {
            set.add(parameter(name).apply(p));
        }
        return new ArrayList<>(set);
    }

    /**
     * {@code cells[x][y]}: the mean of {@code value[k]} over the points at (x, y) of the two
     * parameters {@code axes}; a NaN value (an error row) is left out, and a cell with none is NaN.
     */
    static double[][] cells(List<SweepRunner.Point> points, double[] value, List<String> axes,
                            List<Comparable<?>> xs, List<Comparable<?>> ys) {
        Function<SweepRunner.Point, Comparable<?>> fx = parameter(axes.get(0));
        Function<SweepRunner.Point, Comparable<?>> fy = parameter(axes.get(1));
        double[][] sum = new double[xs.size()][ys.size()];
        int[][] count = new int[xs.size()][ys.size()];
        for (int k = 0; k < points.size(); k++) {
            if (Double.isNaN(value[k])) {
                continue;
            }
            int x = xs.indexOf(fx.apply(points.get(k)));
            int y = ys.indexOf(fy.apply(points.get(k)));
            sum[x][y] += value[k];
            count[x][y]++;
        }
        for (int x = 0; x < xs.size(); x++) {
            for (int y = 0; y < ys.size(); y++) {
                sum[x][y] = count[x][y] == 0 ? Double.NaN : sum[x][y] / count[x][y];
            }
        }
        return sum;
    }

    /** The heatmap of {@code value} (one per point) as a PNG; cells without a value are left blank. */
    static void write(Path file, List<SweepRunner.Point> points, double[] value, List<String> axes, String metric,
                      String title) throws IOException {
        List<Comparable<?>> xs = values(points, axes.get(0));
        List<Comparable<?>> ys = values(points, axes.get(1));
        double[][] heat = cells(points, value, axes, xs, ys);
        List<Number[]> cells = new ArrayList<>();
        for (int x = 0; x < xs.size(); x++) {
            for (int y = 0; y < ys.size(); y++) {
                if (!Double.isNaN(heat[x][y])) {
                    cells.add(new Number[] {x, y, heat[x][y]});
                }
            }
        }
        HeatMapChart c = new HeatMapChartBuilder().width(900).height(600).title(title)
            .xAxisTitle(axes.get(0)).yAxisTitle(axes.get(1)).build();
        c.getStyler().setShowValue(true);
        c.getStyler().setHeatMapValueDecimalPattern("0.000");
        c.addSeries(metric, xs.stream().map(String::valueOf).toList(), ys.stream().map(String::valueOf).toList(), cells);
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}

package dev.switch101.bench.load;

import java.util.Arrays;
import java.util.Locale;

/**
 * A row's outcome on one target: the rate of each round, or why there is none.
 *
 * @param samples the rate of each measured round (empty unless measured)
 * @param note    why there is no figure: "n/a: ..." or "FAILED: ..."; null when measured
 */
public record Result(double[] samples, String note) {

    public static Result measured(double[] samples) {
        return new Result(samples.clone(), null);
    }

    public static Result notApplicable(String why) {
        return new Result(new double[0], "n/a: " + why);
    }

    public static Result failed(String why) {
        return new Result(new double[0], "FAILED: " + why);
    }

    public boolean isMeasured() {
        return note == null;
    }

    public double median() {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Half the range between the slowest and the fastest round, relative to the median, in %. */
    public double spreadPercent() {
        double min = Arrays.stream(samples).min().orElse(0);
        double max = Arrays.stream(samples).max().orElse(0);
        double median = median();
        return median == 0 ? 0 : (max - min) / 2 / median * 100;
    }

    /** "37,140 ±2%", or the note. */
    public String cell() {
        if (!isMeasured()) {
            return note;
        }
        return format(median()) + String.format(Locale.ROOT, " ±%.0f%%", spreadPercent());
    }

    static String format(double value) {
        if (value >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    @Override
    public String toString() {
        return isMeasured() ? cell() + " " + Arrays.toString(samples) : note;
    }
}

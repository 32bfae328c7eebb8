package io.volvault.app.backtest;

import java.util.Locale;

/** Text helpers of the sweep's and the walk-forward's HTML reports. */
final class ReportHtml {

    private ReportHtml() {}

    /** The page's head, its style and its title as the first heading. */
    static StringBuilder page(String title) {
        return new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>").append(escape(title))
            .append("</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 10px;text-align:right}")
            .append("th:first-child,td:first-child{text-align:left}table{border-collapse:collapse}")
            .append("tr:nth-child(even){background:#f3f3f3}</style></head><body><h1>").append(escape(title))
            .append("</h1>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** The value in the format, or n/a where it is undefined (NaN). */
    static String number(double v, String format) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
    }

    /**
     * "a [b, c]": an estimate and its interval, or a mean and its range; percent (x 100, one decimal)
     * or two decimals.
     */
    static String interval(double a, double b, double c, boolean percent) {
        return percent ? String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * a, 100 * b, 100 * c)
            : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", a, b, c);
    }
}

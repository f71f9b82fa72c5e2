package dev.vbench.results.chart;

/**
 * One rendered chart.
 *
 * @param kind  {@code mean}, {@code latency} or {@code gain}
 * @param title the chart's title
 * @param png   path of the PNG relative to the output directory, e.g. {@code charts/mean-randread-4k-read_iops.png}
 * @param svg   path of the SVG relative to the output directory
 * @param width width of the PNG in pixels
 * @param height height of the PNG in pixels
 */
public record ChartFile(String kind, String title, String png, String svg, int width, int height) {
}

package dev.vbench.results.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import org.knowm.xchart.style.AxesChartStyler;

/** The look every chart shares: white background, sans-serif fonts, the Okabe-Ito palette, numbers in Locale.ROOT. */
final class ChartStyle {
    /** Width of the mean and latency charts in pixels; the gain chart is wider. */
    static final int WIDTH = 900;
    /** Series colours, distinguishable with colour blindness (Okabe and Ito). */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000)};

    private ChartStyle() {
    }

    /** Charts are drawn off screen: called before one is built, so that AWT never tries to reach an X display. */
    static void offScreen() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * @param styler     the chart's styler
     * @param categories number of categories on the x axis (labels are tilted above 4), 0 for none
     */
    static void apply(AxesChartStyler styler, int categories) {
        styler.setLocale(Locale.ROOT);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0xBBBBBB));
        styler.setPlotGridLinesColor(new Color(0xE3E3E3));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendBorderColor(Color.WHITE);
        styler.setSeriesColors(PALETTE);
        styler.setYAxisDecimalPattern("#,##0.###");
        styler.setChartPadding(12);
        if (categories > 4) {
            styler.setXAxisLabelRotation(20);
        }
    }
}

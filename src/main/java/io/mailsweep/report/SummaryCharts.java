package io.mailsweep.report;

import io.mailsweep.policy.Compliance;
import io.mailsweep.check.Status;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;

/**
 * The Summary's two charts, side by side: domains by compliance verdict against the run's profile
 * (or, without one, by overall status; a pie in the status colours)
 * and the pass rate of each check (a bar chart, 0-100 %). Charts live in the XSSF part of the
 * streaming workbook and carry their values as literal arrays, so they open with their data in
 * Excel and LibreOffice without reading cells.
 */
final class SummaryCharts {

  /** Rows the charts are tall. */
  static final int HEIGHT_ROWS = 20;

  static final String STATUS_TITLE = "Domains by overall status";
  static final String VERDICT_TITLE = "Domains by compliance verdict";
  static final String PASS_RATE_TITLE = "Pass rate per check (%)";

  /** Bars in a stronger green than the PASS cell fill, which is too pale for a filled area. */
  private static final byte[] BAR_RGB = {(byte) 0x63, (byte) 0xBE, (byte) 0x7B};

  private SummaryCharts() {}

  /**
   * Draws the charts from row {@code firstRow}: the pie over columns A-B, the bars over C-G. A pie
   * with no domain to show is left out. Returns the first row below them.
   */
  static int draw(XSSFSheet sheet, int firstRow, RunInfo run, RunTotals totals) {
    return draw(sheet, firstRow, run, totals, null);
  }

  /**
   * As above; with {@code compliance} (verdicts against the run's profile) the pie shows the
   * compliance breakdown instead of the overall statuses.
   */
  static int draw(XSSFSheet sheet, int firstRow, RunInfo run, RunTotals totals, ComplianceTotals compliance) {
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    if (compliance != null && compliance.judged() > 0) {
      List<String> names = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      List<Status> tones = new ArrayList<>();
      for (Compliance verdict : Compliance.values()) {
        if (compliance.verdicts(verdict) > 0) {
          names.add(verdict.name());
          counts.add(compliance.verdicts(verdict));
          tones.add(verdict == Compliance.COMPLIANT ? Status.PASS
              : verdict == Compliance.NON_COMPLIANT ? Status.FAIL : Status.INCONCLUSIVE);
        }
      }
      pie(drawing, firstRow, VERDICT_TITLE + " (" + compliance.profile().name() + ")", names, counts, tones);
    } else if (totals.scanned() > 0) {
      statusPie(drawing, firstRow, totals);
    }
    passRates(drawing, firstRow, run, totals);
    return firstRow + HEIGHT_ROWS;
  }

  private static void statusPie(XSSFDrawing drawing, int row, RunTotals totals) {
    List<String> names = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    List<Status> shown = new ArrayList<>();
    for (Status status : StatusNames.DISPLAY_ORDER) {
      if (totals.overall(status) > 0) {
        names.add(status.name());
        counts.add(totals.overall(status));
        shown.add(status);
      }
    }
    pie(drawing, row, STATUS_TITLE, names, counts, shown);
  }

  private static void pie(XSSFDrawing drawing, int row, String title, List<String> names, List<Long> counts,
      List<Status> shown) {
    XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, row, 2, row + HEIGHT_ROWS));
    chart.setTitleText(title);
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    XDDFPieChartData data = (XDDFPieChartData) chart.createData(ChartTypes.PIE, null, null);
    data.setVaryColors(true);
    XDDFChartData.Series series = data.addSeries(XDDFDataSourcesFactory.fromArray(names.toArray(String[]::new)),
        XDDFDataSourcesFactory.fromArray(counts.toArray(Long[]::new)));
    series.setTitle("Domains", null);
    chart.plot(data);
    for (int i = 0; i < shown.size(); i++) {
      series.getDataPoint(i).setFillProperties(fill(Palette.rgb(shown.get(i))));
    }
    labels(chart.getCTChart().getPlotArea().getPieChartArray(0).getSerArray(0).addNewDLbls(), false);
  }

  private static void passRates(XSSFDrawing drawing, int row, RunInfo run, RunTotals totals) {
    List<String> checks = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (String check : run.checks()) {
      Double rate = totals.passRate(check);
      checks.add(RunInfo.checkHeader(check));
      rates.add(rate == null ? 0.0 : Math.round(rate * 1000) / 10.0);
    }
    XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 2, row, 7, row + HEIGHT_ROWS));
    chart.setTitleText(PASS_RATE_TITLE);
    chart.setTitleOverlay(false);
    XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
    left.setMinimum(0);
    left.setMaximum(100);
    left.setCrosses(AxisCrosses.AUTO_ZERO);
    left.setTitle("% PASS");
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
    data.setBarDirection(BarDirection.COL);
    data.setVaryColors(false);
    XDDFChartData.Series series = data.addSeries(XDDFDataSourcesFactory.fromArray(checks.toArray(String[]::new)),
        XDDFDataSourcesFactory.fromArray(rates.toArray(Double[]::new)));
    series.setTitle("Pass rate (%)", null);
    chart.plot(data);
    series.setFillProperties(fill(BAR_RGB));
    labels(chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0).addNewDLbls(), true);
  }

  /** Data labels: the value (bars) or the share of the whole (pie), nothing else. */
  private static void labels(CTDLbls labels, boolean value) {
    labels.addNewShowLegendKey().setVal(false);
    labels.addNewShowVal().setVal(value);
    labels.addNewShowCatName().setVal(false);
    labels.addNewShowSerName().setVal(false);
    labels.addNewShowPercent().setVal(!value);
    labels.addNewShowBubbleSize().setVal(false);
  }

  private static XDDFSolidFillProperties fill(byte[] rgb) {
    return new XDDFSolidFillProperties(XDDFColor.from(rgb));
  }
}

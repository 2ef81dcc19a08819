/**
 * Reports: paper tables beside the published numbers, as Markdown, LaTeX and HTML with charts.
 *
 * <p>The evaluator fills {@link io.stave.report.ResultRow}s (one per model × method × metric, with a
 * {@link io.stave.report.MeasuredCell} per group and the run's {@link io.stave.report.Provenance},
 * e.g. {@code Provenance.fromManifest(runs/ID/manifest.json)}); then
 * {@code ReportWriter.write(ReportModel.build(title, rows, PublishedResults.bundled(), against), folder)}
 * writes {@code summary.md}, one {@code <metric>.tex} per metric and {@code report.html}.
 */
package io.stave.report;

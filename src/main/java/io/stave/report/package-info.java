/**
 * Reports: paper tables beside the published numbers, as Markdown, LaTeX and HTML with charts.
 */
package io.stave.report;

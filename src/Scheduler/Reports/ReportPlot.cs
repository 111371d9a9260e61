namespace Scheduler.Reports;

/// <summary>One rendered plot of a report.</summary>
/// <param name="Title">Heading and alt text.</param>
/// <param name="File">Path relative to the report folder ("plots/00-ratio.png").</param>
/// <param name="Png">The image.</param>
/// <param name="Caption">What it shows and how to read it (Markdown).</param>
public sealed record ReportPlot(string Title, string File, byte[] Png, string Caption);

namespace AzSpokeTools.Engine.EstateReports
{
    /// <summary>A built estate report and its HTML.</summary>
    public sealed class EstateReportDocument
    {
        internal EstateReportDocument(EstateReport report, string html)
        {
            Report = report;
            Html = html;
        }

        /// <summary>The report's content.</summary>
        public EstateReport Report { get; }
        /// <summary>The report as a self-contained HTML page.</summary>
        public string Html { get; }
    }
}

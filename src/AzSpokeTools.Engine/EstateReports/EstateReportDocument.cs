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

        public EstateReport Report { get; }
        public string Html { get; }
    }
}

using System.IO;
using AzSpokeTools.Engine.Migration;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// whatif-opened-flows.csv (written with a what-if flow, plan --port): one row per ordered member pair whose flow the hub
    /// firewall (or an NVA) denies before the plan and the path after it allows. Columns: from, to, flow, before, after (path
    /// kinds), deniedByKind, deniedByResourceId, deniedByRule, deniedByPriority (the rule that denies it today), afterAccess.
    /// RFC 4180; the header is the contract and columns are only ever added at the end.
    /// </summary>
    public static class WhatIfOpenedFlowsCsvWriter
    {
        /// <summary>The file's name in the plan's output folder.</summary>
        public const string FileName = "whatif-opened-flows.csv";

        /// <summary>The CSV header line.</summary>
        public const string Header = "from,to,flow,before,after,deniedByKind,deniedByResourceId,deniedByRule,deniedByPriority,afterAccess";

        /// <summary>Writes the header and one row per opened flow to <paramref name="o"/>.</summary>
        public static void Write(TextWriter o, MigrationWhatIf whatIf)
        {
            o.Write(Header);
            o.Write('\n');
            var flow = whatIf.Flow?.ToString() ?? "";
            foreach (var p in whatIf.OpeningFlows)
            {
                var rule = p.Before.AccessRule;
                o.Write(SafeText.CsvField(p.From.Name)); o.Write(',');
                o.Write(SafeText.CsvField(p.To.Name)); o.Write(',');
                o.Write(SafeText.CsvField(flow)); o.Write(',');
                o.Write(p.Before.ToString()); o.Write(',');
                o.Write(p.After.ToString()); o.Write(',');
                o.Write(rule?.Kind.ToString() ?? ""); o.Write(',');
                o.Write(SafeText.CsvField(rule?.ResourceId ?? "")); o.Write(',');
                o.Write(SafeText.CsvField(rule?.Name ?? "")); o.Write(',');
                o.Write(rule?.Priority?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""); o.Write(',');
                o.Write(p.After.Access?.ToString() ?? "");
                o.Write('\n');
            }
        }
    }
}

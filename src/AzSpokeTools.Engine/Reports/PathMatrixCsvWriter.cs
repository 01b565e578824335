using System;
using System.Globalization;
using System.IO;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// <c>matrix --format csv</c> (RFC 4180, documented in docs/schemas/README.md): the header <see cref="Header"/>, then one row per
    /// ordered pair as the engine produces it; transits and intended kinds are <c>;</c>-separated, intended and compliant empty
    /// when the pair has no intent. CSV carries no schema version: the header is the contract, and columns are only ever added
    /// at the end.
    /// </summary>
    public static class PathMatrixCsvWriter
    {
        /// <summary>The CSV header line.</summary>
        public const string Header = "source,destination,outcome,kind,transits,alternatives,intended,compliant";

        /// <summary>The columns added at the end when the matrix evaluates a flow (--port): the pair's access and its deciding rule's name.</summary>
        public const string AccessColumns = ",access,decidingRule";

        /// <summary>Writes the header and every row; returns the summary.</summary>
        public static PathMatrixSummary Write(TextWriter output, PathMatrix matrix)
        {
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (matrix == null) throw new ArgumentNullException(nameof(matrix));
            output.Write(Header);
            if (matrix.Options.Flow != null) output.Write(AccessColumns);
            output.Write('\n');
            foreach (var r in matrix.Rows()) WriteRow(output, matrix, r);
            return matrix.Summary;
        }

        /// <summary>One row and its line feed.</summary>
        public static void WriteRow(TextWriter o, PathMatrix matrix, PathMatrixRow r)
        {
            o.Write(SafeText.CsvField(matrix.Endpoints[r.Source].Name)); o.Write(',');
            o.Write(SafeText.CsvField(matrix.Endpoints[r.Destination].Name)); o.Write(',');
            o.Write(r.Outcome.ToString()); o.Write(',');
            o.Write(r.Kind.ToString()); o.Write(',');
            o.Write(string.Join(";", r.Summary.Transits)); o.Write(',');
            o.Write(r.Alternatives.ToString(CultureInfo.InvariantCulture)); o.Write(',');
            o.Write(r.Intent == null ? "" : string.Join(";", r.Intent.Expect)); o.Write(',');
            o.Write(r.Compliant == null ? "" : r.Compliant.Value ? "true" : "false");
            if (matrix.Options.Flow != null)
            {
                o.Write(','); o.Write(r.Access?.ToString() ?? "");
                o.Write(','); o.Write(SafeText.CsvField(r.AccessRule?.Name ?? ""));
            }
            o.Write('\n');
        }
    }
}

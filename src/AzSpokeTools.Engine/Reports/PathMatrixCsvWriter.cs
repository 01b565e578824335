using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
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
            var cells = new Cells(matrix);
            foreach (var r in matrix.Rows()) cells.WriteRow(output, r);
            cells.Flush(output);
            return matrix.Summary;
        }

        /// <summary>One row and its line feed.</summary>
        public static void WriteRow(TextWriter o, PathMatrix matrix, PathMatrixRow r)
        {
            var cells = new Cells(matrix);
            cells.WriteRow(o, r);
            cells.Flush(o);
        }

        /// <summary>
        /// The text of a row's cells, each made once: endpoint names per endpoint, <c>outcome,kind,transits,</c> per interned path
        /// summary, <c>intended,compliant</c> per intent decision, <c>,access,decidingRule</c> per verdict and rule when the run has
        /// a flow; rows are copied into one buffer handed to the output when full.
        /// </summary>
        private sealed class Cells
        {
            private readonly string[] _names;
            private readonly Dictionary<PathSummary, string> _paths = new Dictionary<PathSummary, string>();
            private readonly Dictionary<(IntentDecision?, bool?), string> _intents = new Dictionary<(IntentDecision?, bool?), string>();
            private readonly Dictionary<(Security.AccessVerdict, Security.SecurityRuleReference?), string> _access =
                new Dictionary<(Security.AccessVerdict, Security.SecurityRuleReference?), string>();
            private readonly bool _flow;
            private readonly string[] _alternatives = new string[64];
            private readonly char[] _buffer = new char[1 << 15];
            private int _used;

            public Cells(PathMatrix matrix)
            {
                _names = matrix.Endpoints.Select(e => SafeText.CsvField(e.Name)).ToArray();
                _flow = matrix.Options.Flow != null;
            }

            public void WriteRow(TextWriter o, PathMatrixRow r)
            {
                if (!_paths.TryGetValue(r.Summary, out var path))
                    _paths[r.Summary] = path = r.Outcome + "," + r.Kind + "," + string.Join(";", r.Summary.Transits) + ",";
                if (!_intents.TryGetValue((r.Intent, r.Compliant), out var intent))
                    _intents[(r.Intent, r.Compliant)] = intent = "," + (r.Intent == null ? "" : string.Join(";", r.Intent.Expect)) + "," +
                        (r.Compliant == null ? "" : r.Compliant.Value ? "true" : "false");
                var alternatives = r.Alternatives < _alternatives.Length
                    ? _alternatives[r.Alternatives] ??= r.Alternatives.ToString(CultureInfo.InvariantCulture)
                    : r.Alternatives.ToString(CultureInfo.InvariantCulture);
                Append(o, _names[r.Source]); Append(o, ",");
                Append(o, _names[r.Destination]); Append(o, ",");
                Append(o, path);
                Append(o, alternatives);
                Append(o, intent);
                // With a flow (--port) every row has the two access columns, empty when a row has no verdict.
                if (_flow)
                {
                    if (r.Access is not { } verdict) Append(o, ",,");
                    else
                    {
                        if (!_access.TryGetValue((verdict, r.AccessRule), out var access))
                            _access[(verdict, r.AccessRule)] = access = "," + verdict + "," + SafeText.CsvField(r.AccessRule?.Name ?? "");
                        Append(o, access);
                    }
                }
                Append(o, "\n");
            }

            private void Append(TextWriter o, string text)
            {
                if (_used + text.Length > _buffer.Length)
                {
                    Flush(o);
                    if (text.Length > _buffer.Length) { o.Write(text); return; }
                }
                text.CopyTo(0, _buffer, _used, text.Length);
                _used += text.Length;
            }

            public void Flush(TextWriter o)
            {
                o.Write(_buffer, 0, _used);
                _used = 0;
            }
        }
    }
}

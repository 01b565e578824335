using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Snapshot
{
    /// <summary>
    /// The snapshot could not be loaded. Nothing partial is returned: the message lists every error
    /// with its file and JSON path.
    /// </summary>
    public sealed class SnapshotLoadException : Exception
    {
        /// <summary>A failed load with its diagnostics; the message lists the errors.</summary>
        public SnapshotLoadException(IReadOnlyList<LoadDiagnostic> errors)
            : base(Format(errors))
        {
            Errors = errors;
        }

        /// <summary>Every diagnostic of the failed load.</summary>
        public IReadOnlyList<LoadDiagnostic> Errors { get; }

        private static string Format(IReadOnlyList<LoadDiagnostic> errors)
        {
            var shown = errors.Take(20).Select(e => e.ToString());
            var more = errors.Count > 20 ? $"{Environment.NewLine}... and {errors.Count - 20} more" : "";
            return $"The snapshot has {errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, shown) + more;
        }
    }
}

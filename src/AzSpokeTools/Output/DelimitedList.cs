using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace AzSpokeTools.Output
{
    /// <summary>
    /// A read-only list property of a result object. It is a list to PowerShell (<c>-contains</c>, <c>Should -Be</c>,
    /// a JSON array in ConvertTo-Json) and its text is its items joined by <c>;</c>, so that Export-Csv and
    /// ConvertTo-Csv write <c>a;b</c> instead of the list's type name.
    /// </summary>
    /// <typeparam name="T">Strings, or the module's own result objects (whose ToString is their one-line summary).</typeparam>
    public sealed class DelimitedList<T> : ReadOnlyCollection<T>
    {
        /// <summary>The separator in the text form.</summary>
        public const string Separator = ";";

        internal DelimitedList(IEnumerable<T> items) : base(items.ToList())
        {
        }

        /// <inheritdoc />
        public override string ToString() => string.Join(Separator, this.Select(i => i?.ToString() ?? ""));
    }

    /// <summary>
    /// Counts or values by name (kind, outcome, severity, evidence). A dictionary to PowerShell (a JSON object in
    /// ConvertTo-Json, <c>$x.ByKind['Direct']</c>); its text is <c>name=value</c> pairs joined by <c>;</c> for Export-Csv.
    /// </summary>
    /// <typeparam name="TValue">A number or a string.</typeparam>
    public sealed class DelimitedMap<TValue> : Dictionary<string, TValue>
    {
        internal DelimitedMap(IEnumerable<KeyValuePair<string, TValue>> entries) : base(StringComparer.OrdinalIgnoreCase)
        {
            foreach (var entry in entries) this[entry.Key] = entry.Value;
        }

        /// <inheritdoc />
        public override string ToString() => string.Join(DelimitedList<string>.Separator, this.Select(e => e.Key + "=" + e.Value));
    }

    /// <summary>Builds the list and map properties of result objects.</summary>
    internal static class Delimited
    {
        public static DelimitedList<string> Texts<T>(IEnumerable<T>? items) =>
            new DelimitedList<string>((items ?? Enumerable.Empty<T>()).Select(i => i?.ToString() ?? ""));

        public static DelimitedList<T> List<T>(IEnumerable<T>? items) => new DelimitedList<T>(items ?? Enumerable.Empty<T>());

        /// <summary>Entries in the given order, keys as their names (enums become their names).</summary>
        public static DelimitedMap<TValue> Map<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>>? entries) =>
            new DelimitedMap<TValue>((entries ?? Enumerable.Empty<KeyValuePair<TKey, TValue>>())
                .Select(e => new KeyValuePair<string, TValue>(e.Key?.ToString() ?? "", e.Value)));

        /// <summary>The name of a resource id (its last segment), or the text unchanged when it is not one.</summary>
        public static string ShortName(string text)
        {
            if (!text.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)) return text;
            var trimmed = text.TrimEnd('/');
            return trimmed.Substring(trimmed.LastIndexOf('/') + 1);
        }
    }
}

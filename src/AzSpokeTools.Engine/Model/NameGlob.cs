namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// Name globs as the user types them (<c>*</c> any run, <c>?</c> one character, case-insensitive): intent groups'
    /// name selectors, verify's targets and the matrix's <c>--from-pattern</c> / <c>--to-pattern</c> all match names here,
    /// so a pattern means the same everywhere.
    /// </summary>
    internal static class NameGlob
    {
        /// <summary>
        /// Whether <paramref name="name"/> matches the glob <paramref name="pattern"/> (<c>*</c> any run, <c>?</c> one character),
        /// case-insensitively. Linear backtracking to the last <c>*</c>: at most name × pattern steps, whatever the pattern (a regular
        /// expression of many <c>.*</c> can take exponential time on a hostile name).
        /// </summary>
        internal static bool Matches(string pattern, string name)
        {
            int p = 0, n = 0, star = -1, resume = 0;
            while (n < name.Length)
            {
                if (p < pattern.Length && pattern[p] == '*') { star = p++; resume = n; }
                else if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(name[n]))) { p++; n++; }
                else if (star >= 0) { p = star + 1; n = ++resume; }
                else return false;
            }
            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }
    }
}

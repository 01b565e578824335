using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// Which pairs of the matrix are evaluated and which rows are written, decided at the source so that nobody post-filters
    /// millions of rows: name patterns over sources and destinations (<c>*</c> any run, <c>?</c> one character, case-insensitive,
    /// as everywhere else in the CLI) and a shard (a contiguous block of sources) choose the pairs that are evaluated and counted
    /// in the summary; kinds and "only violations" choose which of those pairs are written as rows.
    /// </summary>
    public sealed class PathMatrixSelection
    {
        /// <summary>Source endpoints whose name matches this pattern; null for all.</summary>
        public string? FromPattern { get; set; }

        /// <summary>Destination endpoints whose name matches this pattern; null for all.</summary>
        public string? ToPattern { get; set; }

        /// <summary>Write only rows of these path kinds; null or empty for every kind. The summary still counts every evaluated pair.</summary>
        public IReadOnlyCollection<PathKind>? Kinds { get; set; }

        /// <summary>Write only rows whose path does not meet the intent that applies to them.</summary>
        public bool OnlyViolations { get; set; }

        /// <summary>This shard (1-based) of <see cref="ShardCount"/>; 1 of 1 is the whole matrix.</summary>
        public int Shard { get; set; } = 1;

        /// <summary>Number of shards the sources are split into (contiguous blocks, in endpoint order), default 1.</summary>
        public int ShardCount { get; set; } = 1;

        /// <summary>True when some rows may be left out after evaluation (kinds or only violations).</summary>
        internal bool FiltersRows => OnlyViolations || (Kinds != null && Kinds.Count > 0);

        /// <summary>Parses <c>I/N</c> (1 &lt;= I &lt;= N) as <c>--shard</c> takes it.</summary>
        public static (int Shard, int Count) ParseShard(string text)
        {
            var parts = (text ?? "").Split('/');
            if (parts.Length == 2 && int.TryParse(parts[0], out int i) && int.TryParse(parts[1], out int n) && n >= 1 && i >= 1 && i <= n)
                return (i, n);
            throw new EngineInputException("Shard", $"'{text}' is not a shard; write I/N with 1 <= I <= N, e.g. 2/8");
        }

        /// <summary>The first source index of shard <paramref name="shard"/> (1-based) of <paramref name="count"/> over <paramref name="n"/> sources.</summary>
        internal static int ShardStart(int shard, int count, int n) => (int)((long)(shard - 1) * n / count);

        internal void Validate()
        {
            if (ShardCount < 1 || Shard < 1 || Shard > ShardCount)
                throw new EngineInputException("Shard", $"shard {Shard} of {ShardCount} does not exist; write I/N with 1 <= I <= N");
        }

        /// <summary>The evaluated sources, in endpoint order.</summary>
        internal List<int> Sources(IReadOnlyList<PathMatrixEndpoint> endpoints, IReadOnlyList<int>? only)
        {
            Validate();
            int n = endpoints.Count;
            int start = ShardStart(Shard, ShardCount, n), end = ShardStart(Shard + 1, ShardCount, n);
            IEnumerable<int> all = only ?? Enumerable.Range(0, n);
            return all.Where(i => i >= start && i < end && (FromPattern == null || NameGlob.Matches(FromPattern, endpoints[i].Name))).ToList();
        }

        /// <summary>The evaluated destinations as a mask (null for all).</summary>
        internal bool[]? Destinations(IReadOnlyList<PathMatrixEndpoint> endpoints) =>
            ToPattern == null ? null : endpoints.Select(e => NameGlob.Matches(ToPattern, e.Name)).ToArray();

        /// <summary>Whether an evaluated pair is written as a row.</summary>
        internal bool Writes(PathKind kind, bool? compliant) =>
            (!OnlyViolations || compliant == false) && (Kinds == null || Kinds.Count == 0 || Kinds.Contains(kind));
    }
}

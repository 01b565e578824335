using System.Collections.Generic;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>Which evaluator the matrix uses.</summary>
    public enum PathMatrixEngine
    {
        /// <summary>Compiled (vectorized) lookups, first hops batched per source table, continuations memoised per (location, destination).</summary>
        Vector,
        /// <summary>The reference: a full trace per pair with scalar lookups and no memoisation.</summary>
        Scalar,
    }

    /// <summary>VNet pairs (each VNet stands for its representative address) or subnet pairs.</summary>
    public enum PathMatrixLevel
    {
        /// <summary>One endpoint per VNet.</summary>
        VirtualNetwork,
        /// <summary>One endpoint per subnet.</summary>
        Subnet,
    }

    /// <summary>Options of <see cref="PathMatrix"/>.</summary>
    public sealed class PathMatrixOptions
    {
        /// <summary>Which evaluator traces the pairs.</summary>
        public PathMatrixEngine Engine { get; set; } = PathMatrixEngine.Vector;
        /// <summary>VNet or subnet endpoints.</summary>
        public PathMatrixLevel Level { get; set; } = PathMatrixLevel.VirtualNetwork;
        /// <summary>Intent to check every pair against; null for none.</summary>
        public PairIntent? Intent { get; set; }
        /// <summary>Only these source endpoints (by index); null for all. Used to time the scalar reference on a sample of sources.</summary>
        internal IReadOnlyList<int>? Sources { get; set; }
        /// <summary>
        /// Only the pairs that touch these endpoints (by index): a focus source gets its whole row, any other source only the
        /// focus destinations; null for every pair. The migration what-if uses it to recompute the pairs one wave can change.
        /// </summary>
        internal bool[]? Focus { get; set; }
        /// <summary>The consumer only stores the rows (the what-if), so every thread computes instead of one being left to a writer.</summary>
        internal bool StoredRows { get; set; }
        /// <summary>Name patterns, kinds, violations and shard that choose the evaluated pairs and the written rows; null for every pair.</summary>
        public PathMatrixSelection? Selection { get; set; }
        /// <summary>Vector engine: threads evaluating sources (rows keep their order); null for every core (<c>--threads</c>, <c>-ThrottleLimit</c>).</summary>
        public int? Threads { get; set; }
        /// <summary>Vector engine: use more than one thread (default true; false is one thread, as <c>Threads = 1</c>): several threads evaluate sources, or with one source thread half of the sources' effective routes are computed on a second.</summary>
        public bool Parallel { get; set; } = true;
        /// <summary>
        /// Rows carry their reasons (<see cref="PathMatrixRow.Reasons"/>: causes and fixes along the first path, then intent
        /// violations), traced per written row by the thread that evaluates its source (<c>--reasons</c>, <c>-Reasons</c>).
        /// </summary>
        public bool Reasons { get; set; }
        /// <summary>The flow whose access every row carries (<see cref="PathMatrixRow.Access"/>); null: access is not evaluated (intent flows still are).</summary>
        public Security.Flow? Flow { get; set; }
        /// <summary>How access is evaluated where rules are not visible (network virtual appliances).</summary>
        public Security.SecurityOptions SecurityOptions { get; set; } = new Security.SecurityOptions();
    }
}

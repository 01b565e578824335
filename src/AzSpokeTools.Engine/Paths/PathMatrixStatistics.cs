namespace AzSpokeTools.Engine.Paths
{
    /// <summary>Where a vector matrix run spends its time (Stopwatch ticks) and how much it memoises; read by the benchmark.</summary>
    internal sealed class PathMatrixStatistics
    {
        /// <summary>Effective routes and compiled tables of the sources.</summary>
        public long Tables;
        /// <summary>The per-pair loop, probes and continuations included.</summary>
        public long Pairs;
        public long Probes, ProbeTicks;
        public long Continuations, ContinuationTicks;
        public long Exact;
    }
}

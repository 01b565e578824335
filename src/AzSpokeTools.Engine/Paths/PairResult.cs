namespace AzSpokeTools.Engine.Paths
{
    /// <summary>A pair's result inside the matrix engines: the first equal-cost path's summary and how many there are.</summary>
    internal readonly struct PairResult
    {
        public PairResult(PathSummary summary, int count)
        {
            Summary = summary;
            Count = count;
        }

        public PathSummary Summary { get; }
        public int Count { get; }
        public bool IsEmpty => Summary == null;
    }

    /// <summary>Evaluates every destination of one source endpoint.</summary>
    internal interface IPairEvaluator
    {
        void EvaluateSource(int source, PairResult[] into);
    }
}

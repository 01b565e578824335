using System.Collections.Generic;

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

    /// <summary>Evaluates the destinations of one source endpoint: every one, or only <c>destinations</c> when given.</summary>
    internal interface IPairEvaluator
    {
        void EvaluateSource(int source, PairResult[] into, IReadOnlyList<int>? destinations = null);
    }
}

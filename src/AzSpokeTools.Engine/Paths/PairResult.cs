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

        /// <summary>A path count as a row carries it (counts saturate; a row says "at least int.MaxValue").</summary>
        public static int Clamp(long count) => count > int.MaxValue ? int.MaxValue : (int)count;
    }

    /// <summary>Evaluates the destinations of one source endpoint: every one, or only <c>destinations</c> when given.</summary>
    internal interface IPairEvaluator
    {
        void EvaluateSource(int source, PairResult[] into, IReadOnlyList<int>? destinations = null);

        /// <summary>The evaluator's tracer (its route lookup and locations), which also traces the reasons of <c>--reasons</c>.</summary>
        PathTracer Tracer { get; }
    }
}

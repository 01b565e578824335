using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// What is intended for each ordered VNet pair, as the path tracer and the matrix need it. Paths asks; the intent
    /// file and the mesh's connectivity configurations answer (<see cref="Intent.IntentSet"/> is the implementation),
    /// so that Paths does not depend on how intent is written.
    /// </summary>
    public abstract class PairIntent
    {
        // Only the engine implements it: the matrix calls the index form on its hot path.
        internal PairIntent()
        {
        }

        /// <summary>The intent for the ordered pair, or null when nothing states one.</summary>
        public abstract IntentDecision? For(VirtualNetwork from, VirtualNetwork to);

        /// <summary>By index in <see cref="Topology"/>.VirtualNetworks.</summary>
        internal abstract IntentDecision? For(int from, int to);

        /// <summary>True when some rule names flows (allow / deny), so the matrix evaluates access even without a flow of its own.</summary>
        internal abstract bool NamesFlows { get; }
    }
}

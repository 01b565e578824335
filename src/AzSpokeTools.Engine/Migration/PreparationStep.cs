using System.Collections.Generic;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// A step to take before the first wave, outside the waves' ARM writes: for example enabling high-scale private endpoints,
    /// which resets long-running private endpoint connections once and belongs in a maintenance window of its own.
    /// </summary>
    public sealed class PreparationStep
    {
        internal PreparationStep(string name, string description, IReadOnlyList<string> commands)
        {
            Name = name; Description = description; Commands = commands;
        }

        /// <summary>The step's name.</summary>
        public string Name { get; }
        /// <summary>What to do.</summary>
        public string Description { get; }
        /// <summary>Az CLI or Az PowerShell commands, in order.</summary>
        public IReadOnlyList<string> Commands { get; }
    }
}

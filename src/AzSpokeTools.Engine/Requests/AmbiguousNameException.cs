using System.Collections.Generic;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>A name matches several resources of the snapshot; <see cref="Candidates"/> lists their ids, one of which must be given instead.</summary>
    public sealed class AmbiguousNameException : EngineInputException
    {
        public AmbiguousNameException(string parameter, string what, string name, IReadOnlyList<string> candidates, string message)
            : base(parameter, message)
        {
            ResourceKind = what;
            Name = name;
            Candidates = candidates;
        }

        /// <summary>What was looked for, e.g. "subnet".</summary>
        public string ResourceKind { get; }

        public string Name { get; }

        /// <summary>Resource ids of every resource with that name.</summary>
        public IReadOnlyList<string> Candidates { get; }
    }
}

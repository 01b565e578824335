using System.Collections.Generic;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>A name or id given by the user matches nothing of the kind asked for in the snapshot.</summary>
    public sealed class ResourceNotFoundException : KeyNotFoundException
    {
        /// <summary>No <paramref name="kind"/> named <paramref name="name"/> is in the snapshot; <paramref name="message"/> says so.</summary>
        public ResourceNotFoundException(string kind, string name, string message)
            : base(message)
        {
            Kind = kind;
            RequestedName = name;
        }

        /// <summary>What was looked for, e.g. "subnet".</summary>
        public string Kind { get; }
        /// <summary>The name or id as the user gave it.</summary>
        public string RequestedName { get; }
    }
}

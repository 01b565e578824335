using System;
using System.Collections.Generic;
using System.Linq;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// A name given by the user matches more than one resource in the snapshot (README.md#the-command-line:
    /// "Names must be unique in the snapshot, else the error lists the candidate ids").
    /// </summary>
    public sealed class AmbiguousNameException : Exception
    {
        /// <summary><paramref name="name"/> (a <paramref name="kind"/>) matches every resource in <paramref name="candidates"/>.</summary>
        public AmbiguousNameException(string kind, string name, IReadOnlyList<ResourceId> candidates)
            : base(Format(kind, name, candidates))
        {
            Kind = kind;
            RequestedName = name;
            Candidates = candidates;
        }

        /// <summary>What was looked for, e.g. "virtual network".</summary>
        public string Kind { get; }
        /// <summary>The name as the user gave it.</summary>
        public string RequestedName { get; }
        /// <summary>The ids of every resource the name matches.</summary>
        public IReadOnlyList<ResourceId> Candidates { get; }

        private static string Format(string kind, string name, IReadOnlyList<ResourceId> candidates) =>
            $"'{name}' names {candidates.Count} {kind}s in the snapshot; give the resource id of one of them:" + Environment.NewLine +
            string.Join(Environment.NewLine, candidates.Select(c => "  " + c.Value));
    }
}

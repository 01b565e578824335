using System;

namespace AzSpokeTools.Engine
{
    /// <summary>A request parameter is missing, malformed or names nothing in the snapshot. <see cref="Parameter"/> names it.</summary>
    public class EngineInputException : Exception
    {
        /// <summary>A problem with request parameter <paramref name="parameter"/>, described by <paramref name="message"/>.</summary>
        public EngineInputException(string parameter, string message) : base(message) => Parameter = parameter;

        /// <param name="parameter">The parameter at fault.</param>
        /// <param name="message">What is wrong with it.</param>
        /// <param name="inner">The resolution failure (for example <see cref="Model.AmbiguousNameException"/>), kept so that hosts can tell not-found from ambiguous.</param>
        public EngineInputException(string parameter, string message, Exception inner) : base(message, inner) => Parameter = parameter;

        /// <summary>The parameter at fault, e.g. "Subnet".</summary>
        public string Parameter { get; }
    }
}

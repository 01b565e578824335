using System;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>A request parameter is missing, malformed or names nothing in the snapshot. <see cref="Parameter"/> names it.</summary>
    public class EngineInputException : Exception
    {
        public EngineInputException(string parameter, string message) : base(message) => Parameter = parameter;

        /// <summary>The parameter at fault, e.g. "Subnet".</summary>
        public string Parameter { get; }
    }
}

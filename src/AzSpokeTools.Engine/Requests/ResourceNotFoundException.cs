namespace AzSpokeTools.Engine.Requests
{
    /// <summary>A name or resource id given for <see cref="EngineInputException.Parameter"/> matches nothing in the snapshot.</summary>
    public sealed class ResourceNotFoundException : EngineInputException
    {
        public ResourceNotFoundException(string parameter, string what, string text, string message)
            : base(parameter, message)
        {
            ResourceKind = what;
            Text = text;
        }

        /// <summary>What was looked for, e.g. "subnet" or "network interface".</summary>
        public string ResourceKind { get; }

        /// <summary>What the user gave.</summary>
        public string Text { get; }
    }
}


namespace AzSpokeTools.Engine.Intent
{
    /// <summary>An intent file is missing, malformed or names something unknown; the message names the file and the YAML/JSON path.</summary>
    internal sealed class IntentFileException : EngineInputException
    {
        public IntentFileException(string file, string path, string message) : base("Intent", $"{file}: {path}: {message}")
        {
            File = file;
            DocumentPath = path;
        }

        public string File { get; }
        /// <summary>Where in the document, e.g. $.rules[1].expect[0].</summary>
        public string DocumentPath { get; }
    }
}

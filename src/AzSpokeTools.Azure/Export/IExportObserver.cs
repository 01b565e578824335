namespace AzSpokeTools.Azure.Export
{
    /// <summary>
    /// Receives what a live export has to say while it runs. The CLI writes it to standard error; the
    /// PowerShell layer maps it to WriteWarning / WriteProgress / WriteVerbose. Messages never contain
    /// tokens, secrets or Authorization headers.
    /// </summary>
    public interface IExportObserver
    {
        /// <summary>Something could not be read (a denied subscription or type) and the capture goes on without it.</summary>
        void Warning(string message);

        /// <summary>Pages and resources fetched so far by the named activity.</summary>
        void Progress(string activity, int pages, int resources);

        /// <summary>One line per HTTP attempt (request id, method, redacted URL, status, elapsed ms) and other detail.</summary>
        void Verbose(string message);
    }

    /// <summary>An observer that drops everything.</summary>
    public sealed class NullExportObserver : IExportObserver
    {
        /// <summary>The shared instance.</summary>
        public static readonly NullExportObserver Instance = new NullExportObserver();

        private NullExportObserver() { }

        /// <inheritdoc />
        public void Warning(string message) { }

        /// <inheritdoc />
        public void Progress(string activity, int pages, int resources) { }

        /// <inheritdoc />
        public void Verbose(string message) { }
    }
}

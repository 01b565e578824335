namespace AzSpokeTools.Engine.Security
{
    /// <summary>How access is evaluated where the snapshot cannot show the rules.</summary>
    public sealed class SecurityOptions
    {
        /// <summary>
        /// What a third-party network virtual appliance does with a flow: null (default) for Unknown ("rules not visible"), or Allowed or
        /// Denied to assume it (<c>--assume-nva allow|deny</c>).
        /// </summary>
        public AccessVerdict? AssumeAppliances { get; set; }
    }
}

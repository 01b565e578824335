namespace AzSpokeTools.Engine.Model
{
    /// <summary>Whether an effective route is used (Active) or overridden (Invalid), as the API lists it.</summary>
    public enum RouteState
    {
        /// <summary>The route can carry traffic.</summary>
        Active,
        /// <summary>The route lost route selection and carries no traffic.</summary>
        Invalid,
    }
}

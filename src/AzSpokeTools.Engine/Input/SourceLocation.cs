using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AzSpokeTools.Engine.Input
{
    /// <summary>Where a value was read: file and JSON path (e.g. <c>$.resources[3].properties.subnets[0]</c>).</summary>
    public readonly struct SourceLocation
    {
        // The path is kept as a chain of segments and only turned into text when asked for: a large
        // snapshot reads millions of values and names the path of very few of them.
        private readonly PathSegment? _segment;
        private readonly string? _jsonPath;

        /// <summary>The value at <paramref name="jsonPath"/> in <paramref name="file"/>.</summary>
        public SourceLocation(string file, string jsonPath)
        {
            File = file;
            _jsonPath = jsonPath;
            _segment = null;
        }

        private SourceLocation(string file, PathSegment segment)
        {
            File = file;
            _jsonPath = null;
            _segment = segment;
        }

        /// <summary>The file read.</summary>
        public string File { get; }

        /// <summary>The JSON path of the value, such as <c>$.resources[3].properties</c>.</summary>
        public string JsonPath => _segment != null ? _segment.ToString() : _jsonPath ?? "$";

        /// <summary>The location of member <paramref name="property"/> of this object.</summary>
        public SourceLocation Child(string property) => new SourceLocation(File, new PathSegment(Root, _segment, property, -1));
        /// <summary>The location of item <paramref name="index"/> of this array.</summary>
        public SourceLocation Index(int index) => new SourceLocation(File, new PathSegment(Root, _segment, null, index));

        private string Root => _segment != null ? _segment.Root : _jsonPath ?? "$";

        /// <inheritdoc/>
        public override string ToString() => File + ": " + JsonPath;

        private sealed class PathSegment
        {
            public PathSegment(string root, PathSegment? parent, string? name, int index)
            {
                Root = root;
                Parent = parent;
                Name = name;
                Index = index;
            }

            public string Root { get; }
            public PathSegment? Parent { get; }
            public string? Name { get; }
            public int Index { get; }

            public override string ToString()
            {
                var chain = new List<PathSegment>();
                for (var s = this; s != null; s = s.Parent) chain.Add(s);
                var sb = new StringBuilder(Root);
                for (int i = chain.Count - 1; i >= 0; i--)
                {
                    var s = chain[i];
                    if (s.Name != null) sb.Append('.').Append(s.Name);
                    else sb.Append('[').Append(s.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                return sb.ToString();
            }
        }
    }
}

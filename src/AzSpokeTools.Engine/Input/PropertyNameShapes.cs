using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace AzSpokeTools.Engine.Input
{
    /// <summary>
    /// Case-insensitive member lookup without turning every member name of every object into a string.
    /// Objects of one resource type share their member names in the same order, so each distinct list of
    /// names (a shape) is learnt once per load and afterwards recognised by comparing UTF-8 bytes.
    /// </summary>
    internal sealed class PropertyNameShapes
    {
        // A document with more distinct shapes of one size than this is heterogeneous; its objects are read one by one.
        private const int MaxShapesPerSize = 64;
        private readonly Dictionary<int, List<Shape>> _bySize = new Dictionary<int, List<Shape>>();

        /// <summary>The shape of <paramref name="obj"/>, or null when too many shapes have been seen.</summary>
        public Shape? Find(JsonElement obj)
        {
            int size = 0;
            foreach (var _ in obj.EnumerateObject()) size++;
            if (!_bySize.TryGetValue(size, out var shapes))
            {
                shapes = new List<Shape>();
                _bySize[size] = shapes;
            }
            foreach (var shape in shapes)
                if (shape.Matches(obj)) return shape;
            if (shapes.Count >= MaxShapesPerSize) return null;
            var learnt = Shape.Of(obj, size);
            shapes.Add(learnt);
            return learnt;
        }

        /// <summary>One list of member names, with a case-insensitive map from any spelling to the one used.</summary>
        internal sealed class Shape
        {
            private readonly byte[][] _utf8Names;
            private readonly Dictionary<string, string> _actual;

            private Shape(byte[][] utf8Names, Dictionary<string, string> actual)
            {
                _utf8Names = utf8Names;
                _actual = actual;
            }

            public static Shape Of(JsonElement obj, int size)
            {
                var names = new byte[size][];
                var actual = new Dictionary<string, string>(size, StringComparer.OrdinalIgnoreCase);
                int i = 0;
                foreach (var p in obj.EnumerateObject())
                {
                    var name = p.Name;
                    names[i++] = Encoding.UTF8.GetBytes(name);
                    if (!actual.ContainsKey(name)) actual[name] = name;
                }
                return new Shape(names, actual);
            }

            public bool Matches(JsonElement obj)
            {
                int i = 0;
                foreach (var p in obj.EnumerateObject())
                {
                    if (i >= _utf8Names.Length || !p.NameEquals(_utf8Names[i])) return false;
                    i++;
                }
                return i == _utf8Names.Length;
            }

            /// <summary>The spelling this shape uses for <paramref name="name"/> (compared case-insensitively).</summary>
            public bool TryGetActualName(string name, out string actual) => _actual.TryGetValue(name, out actual!);
        }
    }
}

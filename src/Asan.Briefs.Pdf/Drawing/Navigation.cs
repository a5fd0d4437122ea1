using System.Globalization;
using System.Text;
using Asan.Briefs.Pdf.Layout;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// Everything a reader moves through the document with: link annotations, named destinations
/// (ISO 32000-1 §12.3.2.3, a name tree sorted by byte) and the outline of headings (§12.3.3).
/// </summary>
/// <param name="printable">Whether link annotations print with the page (/F 4, as PDF/A asks) or stay off paper (PDF/X).</param>
internal sealed class Navigation(PdfFile file, PageFrame frame, bool printable)
{
    private readonly SortedDictionary<string, (int Page, double X, double Y)> _destinations = new(StringComparer.Ordinal);

    /// <summary>Remembers a named destination; the first place a name is set wins.</summary>
    public void Destination(DestinationItem item, int page) => _destinations.TryAdd(item.Name, (page, item.X, item.Y));

    /// <summary>Writes a link annotation as object <paramref name="id"/> (reserved by the caller, who tags it).</summary>
    /// <param name="extra">More entries (/StructParent) for tagged files.</param>
    public void Link(int id, LinkItem link, string extra = "")
    {
        var rect = $"[{N(frame.X(link.X))} {N(frame.Y(link.Y + link.Height))} {N(frame.X(link.X + link.Width))} {N(frame.Y(link.Y))}]";
        var action = link.Internal
            ? "/Dest " + DestinationName(link.Target)
            : "/A << /S /URI /URI " + PdfSyntax.Literal(AsciiUri(link.Target)) + " >>";
        // No border. /Contents says where the link goes, for PDF/UA (ISO 14289-1 §7.18.5).
        var contents = link.Internal ? "Go to " + link.Target : link.Target;
        var flags = printable ? "/F 4" : "/F 0";
        file.Write(id, $"<< /Type /Annot /Subtype /Link /Rect {rect} /Border [0 0 0] {flags} /Contents {PdfSyntax.Text(contents)} {action}{(extra.Length > 0 ? " " + extra : "")} >>");
    }

    /// <summary>The /Dests name tree as one leaf node, or null when the document has no destinations.</summary>
    public int? WriteDestinations(IReadOnlyList<int> pages)
    {
        if (_destinations.Count == 0) return null;
        var names = new StringBuilder("<< /Names [");
        foreach (var (name, (page, x, y)) in _destinations.OrderBy(d => Encoding.UTF8.GetBytes(d.Key), ByteOrder.Instance))
            names.Append(DestinationName(name)).Append(' ').Append(Xyz(pages[page], x, y)).Append(' ');
        return file.Add(names.Append("] >>").ToString());
    }

    /// <summary>The outline: bookmarks nested by heading level, all open. Returns the Outlines dictionary, or null.</summary>
    public int? WriteOutline(IReadOnlyList<OutlineEntry> entries, IReadOnlyList<int> pages)
    {
        var kept = entries.Where(e => e.PageIndex < pages.Count && !string.IsNullOrWhiteSpace(e.Title)).ToList();
        if (kept.Count == 0) return null;
        var root = new Node(null, 0, file.Reserve());
        var stack = new List<Node> { root };
        foreach (var entry in kept)
        {
            while (stack.Count > 1 && stack[^1].Level >= entry.Level) stack.RemoveAt(stack.Count - 1);
            var node = new Node(entry, entry.Level, file.Reserve());
            stack[^1].Children.Add(node);
            stack.Add(node);
        }
        Write(root, null, pages);
        return root.Object;
    }

    private void Write(Node node, Node? parent, IReadOnlyList<int> pages)
    {
        for (var i = 0; i < node.Children.Count; i++)
        {
            var child = node.Children[i];
            var entry = new StringBuilder("<< /Title ").Append(PdfSyntax.Text(child.Entry!.Title))
                .Append(" /Parent ").Append(PdfFile.Ref(node.Object))
                .Append(" /Dest ").Append(Xyz(pages[child.Entry.PageIndex], 0, child.Entry.Y));
            if (i > 0) entry.Append(" /Prev ").Append(PdfFile.Ref(node.Children[i - 1].Object));
            if (i + 1 < node.Children.Count) entry.Append(" /Next ").Append(PdfFile.Ref(node.Children[i + 1].Object));
            AppendChildren(entry, child);
            file.Write(child.Object, entry.Append(" >>").ToString());
            Write(child, node, pages);
        }
        if (parent is null)
        {
            var outlines = new StringBuilder("<< /Type /Outlines");
            AppendChildren(outlines, node);
            file.Write(node.Object, outlines.Append(" >>").ToString());
        }
    }

    private static void AppendChildren(StringBuilder entry, Node node)
    {
        if (node.Children.Count == 0) return;
        entry.Append(" /First ").Append(PdfFile.Ref(node.Children[0].Object))
            .Append(" /Last ").Append(PdfFile.Ref(node.Children[^1].Object))
            .Append(" /Count ").Append(node.Descendants.ToString(CultureInfo.InvariantCulture));
    }

    private string Xyz(int page, double x, double y) =>
        $"[{PdfFile.Ref(page)} /XYZ {N(frame.X(x))} {N(frame.Y(y))} 0]";

    private static string N(double value) => PdfSyntax.Number(value);

    /// <summary>Destination names are byte strings: the UTF-8 of the layout's name.</summary>
    private static string DestinationName(string name) =>
        name.All(c => c is > ' ' and <= '~') ? PdfSyntax.Literal(name) : PdfSyntax.Hex(Encoding.UTF8.GetBytes(name));

    /// <summary>URIs in PDF are 7-bit ASCII (§12.6.4.7): anything else is percent-encoded as UTF-8.</summary>
    private static string AsciiUri(string uri)
    {
        var result = new StringBuilder(uri.Length);
        foreach (var b in Encoding.UTF8.GetBytes(uri))
            result.Append(b is > 0x20 and < 0x7F ? ((char)b).ToString() : "%" + b.ToString("X2", CultureInfo.InvariantCulture));
        return result.ToString();
    }

    private sealed class Node(OutlineEntry? entry, int level, int obj)
    {
        public OutlineEntry? Entry { get; } = entry;
        public int Level { get; } = level;
        public int Object { get; } = obj;
        public List<Node> Children { get; } = [];
        public int Descendants => Children.Count + Children.Sum(c => c.Descendants);
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();
        public int Compare(byte[]? a, byte[]? b) => a.AsSpan().SequenceCompareTo(b);
    }
}

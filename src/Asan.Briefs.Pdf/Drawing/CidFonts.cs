using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Asan.Briefs.Fonts;
using HarfBuzzSharp;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// The document's fonts as Type 0 fonts over CIDFontType2 descendants (ISO 32000-1 §9.7): each
/// hb-subset subset is embedded as FontFile2, its glyph ids are the CIDs (Identity-H, CIDToGIDMap
/// Identity), W carries the advances HarfBuzz shaped with, and ToUnicode maps every glyph to the
/// letters it was set for: a ligature to its plain letters, never to a presentation form.
/// </summary>
internal sealed class CidFonts
{
    private readonly PdfFile _file;
    private readonly Dictionary<string, Entry> _byPath = new(StringComparer.Ordinal);

    public CidFonts(PdfFile file, Dictionary<string, SubsetFace> faces)
    {
        _file = file;
        var n = 0;
        foreach (var path in faces.Keys.Order(StringComparer.Ordinal))
            _byPath[path] = new Entry(faces[path], "F" + (++n).ToString(CultureInfo.InvariantCulture), file.Reserve());
    }

    /// <summary>The font resource for a face file, and its subset.</summary>
    public Entry For(string path) => _byPath[path];

    /// <summary>The /Font resource dictionary entries: "/F1 5 0 R /F2 9 0 R".</summary>
    public string Resources() => string.Join(" ", _byPath.Values.Select(e => "/" + e.Name + " " + PdfFile.Ref(e.Object)));

    /// <summary>Writes every font's objects; call after all pages, when every glyph's text is known.</summary>
    public void WriteAll()
    {
        foreach (var entry in _byPath.Values) Write(entry);
    }

    private void Write(Entry entry)
    {
        var face = entry.Face;
        var font = face.Font;
        var baseFont = PdfSyntax.Name(face.Tag + "+" + PostScriptName(font));
        var fontFile = _file.AddDeflatedStream($"/Length1 {face.Bytes.Length.ToString(CultureInfo.InvariantCulture)}", face.Deflated);
        var metrics = Metrics.Read(font);
        double Em(double units) => units * 1000.0 / font.UnitsPerEm;
        var flags = 4 | (metrics.ItalicAngle != 0 ? 64 : 0); // symbolic: the glyphs are addressed by id, not by a standard encoding
        var descriptor = _file.Add(
            $"<< /Type /FontDescriptor /FontName {baseFont} /Flags {flags} " +
            $"/FontBBox [{PdfSyntax.Number(Em(metrics.XMin))} {PdfSyntax.Number(Em(metrics.YMin))} {PdfSyntax.Number(Em(metrics.XMax))} {PdfSyntax.Number(Em(metrics.YMax))}] " +
            $"/ItalicAngle {PdfSyntax.Number(metrics.ItalicAngle)} /Ascent {PdfSyntax.Number(Em(font.Ascender))} /Descent {PdfSyntax.Number(Em(font.Descender))} " +
            $"/CapHeight {PdfSyntax.Number(Em(metrics.CapHeight))} /StemV {(metrics.Bold ? 140 : 80)} /FontFile2 {PdfFile.Ref(fontFile)} >>");

        // The subset numbers glyphs 0..n-1 compactly, and those are their CIDs; the CIDs after them are
        // aliases (a hyphen added at a line break). W lists every advance in one run.
        var gids = new ushort[entry.Glyphs + entry.Aliases.Count];
        var advances = new double[entry.Glyphs];
        foreach (var (original, subset) in face.GlyphMap) advances[subset] = face.Widths[original];
        for (var cid = 0; cid < gids.Length; cid++) gids[cid] = cid < entry.Glyphs ? (ushort)cid : entry.Aliases[cid - entry.Glyphs];
        var w = new StringBuilder("[0 [");
        for (var cid = 0; cid < gids.Length; cid++) PdfSyntax.Number(w.Append(cid == 0 ? "" : " "), advances[gids[cid]]);
        w.Append("]]");
        var cidToGid = "/Identity";
        if (entry.Aliases.Count > 0)
        {
            var map = new byte[gids.Length * 2];
            for (var cid = 0; cid < gids.Length; cid++) BinaryPrimitives.WriteUInt16BigEndian(map.AsSpan(cid * 2), gids[cid]);
            cidToGid = PdfFile.Ref(_file.AddStream("", map, compress: true));
        }
        var cidFont = _file.Add(
            $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont {baseFont} " +
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> " +
            $"/FontDescriptor {PdfFile.Ref(descriptor)} /DW 0 /W {w} /CIDToGIDMap {cidToGid} >>");
        var toUnicode = _file.AddStream("", Encoding.ASCII.GetBytes(ToUnicode(entry.Text)), compress: true);
        _file.Write(entry.Object,
            $"<< /Type /Font /Subtype /Type0 /BaseFont {baseFont} /Encoding /Identity-H " +
            $"/DescendantFonts [{PdfFile.Ref(cidFont)}] /ToUnicode {PdfFile.Ref(toUnicode)} >>");
    }

    /// <summary>A ToUnicode CMap (Adobe technical note 5411) mapping 2-byte glyph codes to UTF-16BE.</summary>
    private static string ToUnicode(Dictionary<ushort, string> text)
    {
        var cmap = new StringBuilder(256 + text.Count * 24);
        cmap.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var entries = text.OrderBy(e => e.Key).ToList();
        for (var start = 0; start < entries.Count; start += 100)
        {
            var block = entries.Skip(start).Take(100).ToList();
            cmap.Append(block.Count.ToString(CultureInfo.InvariantCulture)).Append(" beginbfchar\n");
            foreach (var (glyph, letters) in block)
            {
                cmap.Append('<').Append(glyph.ToString("X4", CultureInfo.InvariantCulture)).Append("> <");
                foreach (var c in letters) cmap.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                cmap.Append(">\n");
            }
            cmap.Append("endbfchar\n");
        }
        cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap.ToString();
    }

    /// <summary>The PostScript name the font file is named after: letters, digits and hyphens only.</summary>
    private static string PostScriptName(FontData font)
    {
        var name = new string(Path.GetFileNameWithoutExtension(font.Path).Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        return name.Length > 0 ? name : "Font";
    }

    /// <summary>One embedded font: its subset, resource name, object number and the text of each glyph used.</summary>
    internal sealed class Entry(SubsetFace face, string name, int obj)
    {
        public SubsetFace Face { get; } = face;
        public string Name { get; } = name;
        public int Object { get; } = obj;
        /// <summary>CID → the letters it stands for; the first text a glyph was set for wins.</summary>
        public Dictionary<ushort, string> Text { get; } = [];

        /// <summary>How many glyphs the subset has: CIDs below this are its glyph ids.</summary>
        public int Glyphs { get; } = (int)face.GlyphMap.Values.Max() + 1;

        /// <summary>The glyph ids of the CIDs from <see cref="Glyphs"/> on.</summary>
        public List<ushort> Aliases { get; } = [];

        /// <summary>Notes the letters <paramref name="text"/>[start..start+length] as the glyph's, unless it has some already.</summary>
        public void Note(ushort glyph, string text, int start, int length)
        {
            if (length > 0 && !Text.ContainsKey(glyph)) Text[glyph] = text.Substring(start, length);
        }

        /// <summary>
        /// A CID of its own that draws <paramref name="glyph"/> but reads as <paramref name="letters"/>: a
        /// hyphen added at a line break draws the hyphen yet reads as a soft hyphen (ISO 32000-1
        /// §14.8.2.2.3), for readers that take the text from ToUnicode and ignore ActualText.
        /// </summary>
        public ushort Alias(ushort glyph, string letters)
        {
            foreach (var (cid, text) in Text)
                if (cid >= Glyphs && text == letters && Aliases[cid - Glyphs] == glyph) return cid;
            var alias = (ushort)(Glyphs + Aliases.Count);
            Aliases.Add(glyph);
            Text[alias] = letters;
            return alias;
        }
    }

    /// <summary>What the font descriptor needs from the head, OS/2 and post tables.</summary>
    private readonly record struct Metrics(short XMin, short YMin, short XMax, short YMax, double CapHeight, double ItalicAngle, bool Bold)
    {
        public static Metrics Read(FontData font)
        {
            using var head = font.Face.ReferenceTable(Tag.Parse("head"));
            using var os2 = font.Face.ReferenceTable(Tag.Parse("OS/2"));
            using var post = font.Face.ReferenceTable(Tag.Parse("post"));
            var h = head.AsSpan();
            var o = os2.AsSpan();
            var p = post.AsSpan();
            short S(ReadOnlySpan<byte> t, int at) => t.Length >= at + 2 ? BinaryPrimitives.ReadInt16BigEndian(t[at..]) : (short)0;
            var version = S(o, 0);
            // OS/2 version 2 and later carry the cap height; before that, 70% of the em is the usual guess.
            double cap = version >= 2 && o.Length >= 90 ? S(o, 88) : font.UnitsPerEm * 0.7;
            var weight = S(o, 4);
            var angle = p.Length >= 8 ? BinaryPrimitives.ReadInt32BigEndian(p[4..]) / 65536.0 : 0;
            return new Metrics(S(h, 36), S(h, 38), S(h, 40), S(h, 42), cap, angle, weight >= 600);
        }
    }
}

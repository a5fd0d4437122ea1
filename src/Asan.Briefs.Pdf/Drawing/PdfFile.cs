using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// The file layer of our PDF writer: numbered indirect objects written one after another into one
/// buffer, then the cross-reference table and trailer (ISO 32000-1 §7.5). Objects are reserved
/// before they are written, so a page can name its parent and the parent its pages in any order.
/// Nothing here knows about pages or fonts; dictionaries arrive as finished PDF syntax.
/// </summary>
internal sealed class PdfFile
{
    private readonly MemoryStream _body = new(64 * 1024);
    // Where each compressed stream is deflated before it is copied into the body (its /Length comes first):
    // one buffer for the file rather than an array per page and picture.
    private readonly MemoryStream _deflated = new(16 * 1024);
    private readonly List<long> _offsets = [0];

    public PdfFile(string version = "1.7")
    {
        // The binary comment line tells transfer tools that the file is not text.
        Raw($"%PDF-{version}\n%\u00e2\u00e3\u00cf\u00d3\n");
    }

    /// <summary>A new object number; the object is written later with <see cref="Write"/>.</summary>
    public int Reserve()
    {
        _offsets.Add(-1);
        return _offsets.Count - 1;
    }

    public static string Ref(int id) => id.ToString(CultureInfo.InvariantCulture) + " 0 R";

    /// <summary>Writes object <paramref name="id"/> (reserved, not yet written) with its PDF syntax.</summary>
    public void Write(int id, string value)
    {
        Begin(id);
        Raw(value);
        Raw("\nendobj\n");
    }

    public int Add(string value)
    {
        var id = Reserve();
        Write(id, value);
        return id;
    }

    /// <summary>A stream object; <paramref name="dictionary"/> holds the entries between &lt;&lt; and &gt;&gt; other than /Length (and /Filter when compressed).</summary>
    public void WriteStream(int id, string dictionary, ReadOnlySpan<byte> data, bool compress)
    {
        if (!compress)
        {
            WriteStreamBytes(id, dictionary, data, deflated: false);
            return;
        }
        _deflated.SetLength(0);
        Deflate(data, _deflated);
        WriteStreamBytes(id, dictionary, _deflated.GetBuffer().AsSpan(0, (int)_deflated.Length), deflated: true);
    }

    /// <summary>A stream whose data is already deflated (<see cref="Deflate"/>): a cached font program, say.</summary>
    public int AddDeflatedStream(string dictionary, ReadOnlySpan<byte> deflated)
    {
        var id = Reserve();
        WriteStreamBytes(id, dictionary, deflated, deflated: true);
        return id;
    }

    private void WriteStreamBytes(int id, string dictionary, ReadOnlySpan<byte> bytes, bool deflated)
    {
        Begin(id);
        var filter = deflated ? "/Filter /FlateDecode " : "";
        Raw($"<< {filter}{dictionary}{(dictionary.Length > 0 ? " " : "")}/Length {bytes.Length.ToString(CultureInfo.InvariantCulture)} >>\nstream\n");
        _body.Write(bytes);
        Raw("\nendstream\nendobj\n");
    }

    public int AddStream(string dictionary, ReadOnlySpan<byte> data, bool compress)
    {
        var id = Reserve();
        WriteStream(id, dictionary, data, compress);
        return id;
    }

    /// <summary>A digest of everything written so far: the basis of the file identifier and the XMP ids.</summary>
    public byte[] Digest(string extra)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(_body.GetBuffer(), 0, (int)_body.Length);
        hash.AppendData(Encoding.UTF8.GetBytes(extra));
        return hash.GetHashAndReset();
    }

    /// <summary>The cross-reference table and trailer; every reserved object must have been written.</summary>
    public byte[] Finish(int catalog, int info, ReadOnlySpan<byte> fileId)
    {
        var xref = _body.Length;
        var table = new StringBuilder(_offsets.Count * 20 + 200);
        table.Append("xref\n0 ").Append(_offsets.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        table.Append("0000000000 65535 f \n");
        for (var i = 1; i < _offsets.Count; i++)
        {
            if (_offsets[i] < 0) throw new InvalidOperationException($"PDF object {i} was reserved but never written");
            table.Append(_offsets[i].ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }
        var id = PdfSyntax.Hex(fileId);
        table.Append("trailer\n<< /Size ").Append(_offsets.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" /Root ").Append(Ref(catalog)).Append(" /Info ").Append(Ref(info))
            .Append(" /ID [").Append(id).Append(' ').Append(id).Append("] >>\nstartxref\n")
            .Append(xref.ToString(CultureInfo.InvariantCulture)).Append("\n%%EOF\n");
        Raw(table.ToString());
        return _body.ToArray();
    }

    /// <summary>zlib (RFC 1950) as FlateDecode wants it; the same input gives the same bytes.</summary>
    public static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length / 2 + 64);
        Deflate(data, output);
        return output.ToArray();
    }

    private static void Deflate(ReadOnlySpan<byte> data, Stream output)
    {
        using var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true);
        zlib.Write(data);
    }

    private void Begin(int id)
    {
        if (_offsets[id] >= 0) throw new InvalidOperationException($"PDF object {id} written twice");
        _offsets[id] = _body.Length;
        Raw(id.ToString(CultureInfo.InvariantCulture) + " 0 obj\n");
    }

    private void Raw(string text)
    {
        // Syntax is ASCII; text strings arrive already hex- or escape-encoded, so Latin-1 is exact (a byte a
        // character). Short pieces, the most, are encoded on the stack.
        var bytes = text.Length <= 512 ? stackalloc byte[text.Length] : new byte[text.Length];
        Encoding.Latin1.GetBytes(text, bytes);
        _body.Write(bytes);
    }
}

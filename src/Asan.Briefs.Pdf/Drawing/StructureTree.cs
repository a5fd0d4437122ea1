using System.Globalization;
using System.Text;
using Asan.Briefs.Pdf.Layout;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// The logical structure of a tagged PDF (ISO 32000-1 §14.7, PDF/UA-1), rebuilt from the roles the
/// layout gave each box: Document; H1–H6, P, L/LI/Lbl/LBody, BlockQuote, Figure with /Alt, Caption,
/// Table/TR/TH/TD, Note with its Lbl, TOC/TOCI with a Reference holding the entry's Link, Link with the OBJR of its annotation. Elements are created in
/// content order; a note goes right after the block that cites it. Marked content ids (MCIDs) are
/// numbered per page and the ParentTree maps them (and each annotation) back to their element.
/// </summary>
internal sealed class StructureTree(PdfFile file)
{
    private readonly Element _root = new("Document", null, 0);
    private readonly Dictionary<string, Element> _elements = new(StringComparer.Ordinal);
    private readonly List<List<Element>> _pageMcids = [];
    private readonly List<Element> _annotations = [];
    private readonly Dictionary<string, Element> _citingBlock = new(StringComparer.Ordinal);
    private readonly Dictionary<Element, int> _notesAfter = [];
    private string? _noteTarget;

    /// <summary>The first StructParent number of annotations: pages take 0..n-1.</summary>
    public int AnnotationBase { get; set; }

    public void BeginPage() => _pageMcids.Add([]);

    /// <summary>The element a box's content belongs to, or null when it is an artifact.</summary>
    public Element? Leaf(BoxRole role, int page)
    {
        switch (role.Kind)
        {
            case StructureKind.Furniture or StructureKind.Rule or StructureKind.Group or StructureKind.Decoration: return null;
            case StructureKind.Note or StructureKind.NoteMark:
            {
                var note = Get("Note:" + role.Element, () => NewNote("note-" + role.Element));
                return role.Kind == StructureKind.NoteMark ? Get("NoteLbl:" + role.Element, () => Child(note, "Lbl", page)) : Get("NoteP:" + role.Element, () => Child(note, "P", page));
            }
            case StructureKind.TableHeaderCell when _elements.TryGetValue("TH:" + role.Element, out var seen) && seen.Page < page:
                return null; // a header row repeated on a continuation page is pagination, read once
        }
        var parent = Path(role.Within, page);
        if (parent.Type == "LI" && role.Kind != StructureKind.ListMarker)
            parent = Get("LBody:" + role.Within!.Element, () => Child(parent, "LBody", page));
        var type = role.Kind switch
        {
            StructureKind.Heading => "H" + Math.Clamp(role.Level, 1, 6).ToString(CultureInfo.InvariantCulture),
            StructureKind.ListMarker => "Lbl",
            StructureKind.Figure => "Figure",
            StructureKind.Caption => "Caption",
            StructureKind.TableHeaderCell => "TH",
            StructureKind.TableCell => "TD",
            StructureKind.ContentsEntry => "Reference",
            _ => "P",
        };
        return Get(type + ":" + role.Element, () => Child(parent, type, page));
    }

    /// <summary>A Link element for a linked run or a link area, inside <paramref name="parent"/>.</summary>
    public Element Link(Element parent, int page, string? noteTarget)
    {
        var link = Child(parent, "Link", page);
        if (noteTarget is not null) _citingBlock.TryAdd(noteTarget, TopLevel(parent));
        return link;
    }

    /// <summary>A Reference element (a citation of a place in this document) inside <paramref name="parent"/>, to hold its Link.</summary>
    public Element Reference(Element parent, int page) => Child(parent, "Reference", page);

    /// <summary>A note's mark sets its destination first: the note's element is placed after the block citing it.</summary>
    public void NoteDestination(string name) => _noteTarget = name;

    /// <summary>The next marked-content id on the current page, for <paramref name="element"/>.</summary>
    public int Mcid(Element element, int page)
    {
        var ids = _pageMcids[^1];
        element.Kids.Add(new Kid(page, ids.Count, null));
        ids.Add(element);
        return ids.Count - 1;
    }

    /// <summary>Attaches an annotation to its Link element; returns its /StructParent number.</summary>
    public int Annotation(Element link, int page, int annotation)
    {
        link.Kids.Add(new Kid(page, -1, annotation));
        _annotations.Add(link);
        return AnnotationBase + _annotations.Count - 1;
    }

    public void SetAlt(Element figure, string alt) => figure.Alt ??= alt;

    /// <summary>Writes every element, the ParentTree and the StructTreeRoot; returns the root's object number.</summary>
    public int Write(IReadOnlyList<int> pages, string lang)
    {
        var rootObject = file.Reserve();
        Assign(_root);
        WriteElement(_root, rootObject, pages, lang);
        var nums = new StringBuilder("<< /Nums [");
        for (var p = 0; p < _pageMcids.Count; p++)
            nums.Append(p.ToString(CultureInfo.InvariantCulture)).Append(" [").AppendJoin(' ', _pageMcids[p].Select(e => PdfFile.Ref(e.Object))).Append("] ");
        for (var a = 0; a < _annotations.Count; a++)
            nums.Append((AnnotationBase + a).ToString(CultureInfo.InvariantCulture)).Append(' ').Append(PdfFile.Ref(_annotations[a].Object)).Append(' ');
        var parentTree = file.Add(nums.Append("] >>").ToString());
        // Elements with an /ID are found through the IDTree (ISO 32000-1 §14.7.2), a name tree sorted by byte.
        var ids = _root.Children.Where(e => e.Id is not null)
            .Select(e => (Key: Encoding.UTF8.GetBytes(e.Id!), e.Object))
            .OrderBy(e => Convert.ToHexString(e.Key), StringComparer.Ordinal).ToList();
        var idTree = ids.Count > 0 ? $" /IDTree << /Names [{string.Join(" ", ids.Select(e => PdfSyntax.Hex(e.Key) + " " + PdfFile.Ref(e.Object)))}] >>" : "";
        file.Write(rootObject, $"<< /Type /StructTreeRoot /K [{PdfFile.Ref(_root.Object)}] /ParentTree {PdfFile.Ref(parentTree)} " +
            $"/ParentTreeNextKey {(AnnotationBase + _annotations.Count).ToString(CultureInfo.InvariantCulture)}{idTree} >>");
        return rootObject;
    }

    private void Assign(Element element)
    {
        element.Object = file.Reserve();
        foreach (var child in element.Children) Assign(child);
    }

    private void WriteElement(Element element, int parent, IReadOnlyList<int> pages, string lang)
    {
        var kids = new List<string>();
        // Children and marked content interleave in the order they were added.
        foreach (var kid in element.Order)
        {
            if (kid is Element child) kids.Add(PdfFile.Ref(child.Object));
            else if (kid is Kid { Annotation: { } annot } k) kids.Add($"<< /Type /OBJR /Obj {PdfFile.Ref(annot)} /Pg {PdfFile.Ref(pages[k.Page])} >>");
            else if (kid is Kid m) kids.Add($"<< /Type /MCR /Pg {PdfFile.Ref(pages[m.Page])} /MCID {m.Mcid.ToString(CultureInfo.InvariantCulture)} >>");
        }
        var entry = new StringBuilder("<< /Type /StructElem /S /").Append(element.Type).Append(" /P ").Append(PdfFile.Ref(parent));
        if (element == _root) entry.Append(" /Lang ").Append(PdfSyntax.Text(lang));
        if (element.Alt is { } alt) entry.Append(" /Alt ").Append(PdfSyntax.Text(alt));
        if (element.Id is { } id) entry.Append(" /ID ").Append(PdfSyntax.Hex(Encoding.UTF8.GetBytes(id)));
        if (element.Type == "TH") entry.Append(" /A << /O /Table /Scope /Column >>");
        entry.Append(" /K [").AppendJoin(' ', kids).Append("] >>");
        file.Write(element.Object, entry.ToString());
        foreach (var child in element.Children) WriteElement(child, element.Object, pages, lang);
    }

    private Element Path(StructPath? path, int page)
    {
        if (path is null) return _root;
        var parent = Path(path.Parent, page);
        var type = path.Kind switch
        {
            StructureKind.List => "L",
            StructureKind.ListItem => "LI",
            StructureKind.Quote => "BlockQuote",
            StructureKind.Table => "Table",
            StructureKind.TableRow => "TR",
            StructureKind.Contents => "TOC",
            StructureKind.ContentsEntry => "TOCI",
            _ => "Div",
        };
        return Get(type + ":" + path.Element, () => Child(parent, type, page));
    }

    private Element NewNote(string id)
    {
        // PDF/UA-1 §7.9 (Matterhorn 19-003, 19-004): every Note has an ID, unique in the document.
        var note = new Element("Note", _root, 0) { Id = id };
        // Right after the block that cites it (and the notes already placed there), else at the end.
        if (_noteTarget is not null && _citingBlock.TryGetValue(_noteTarget, out var block) && _root.Order.IndexOf(block) is >= 0 and var at)
        {
            var after = _notesAfter.GetValueOrDefault(block);
            _root.Order.Insert(at + 1 + after, note);
            _root.Children.Insert(_root.Children.IndexOf(block) + 1 + after, note);
            _notesAfter[block] = after + 1;
        }
        else
        {
            _root.Order.Add(note);
            _root.Children.Add(note);
        }
        _noteTarget = null;
        return note;
    }

    private static Element Child(Element parent, string type, int page)
    {
        var child = new Element(type, parent, page);
        parent.Children.Add(child);
        parent.Order.Add(child);
        return child;
    }

    private Element TopLevel(Element element)
    {
        while (element.Parent is { } parent && parent != _root) element = parent;
        return element;
    }

    private Element Get(string key, Func<Element> create)
    {
        if (!_elements.TryGetValue(key, out var element)) _elements[key] = element = create();
        return element;
    }

    internal sealed class Element(string type, Element? parent, int page)
    {
        public string Type { get; } = type;
        public Element? Parent { get; } = parent;
        /// <summary>The page the element starts on.</summary>
        public int Page { get; } = page;
        public List<Element> Children { get; } = [];
        /// <summary>Child elements and marked content in reading order.</summary>
        public List<object> Order { get; } = [];
        public KidList Kids => new(this);
        public string? Alt { get; set; }
        /// <summary>The element identifier (/ID), for notes.</summary>
        public string? Id { get; init; }
        public int Object { get; set; }
    }

    internal readonly struct KidList(Element element)
    {
        public void Add(Kid kid) => element.Order.Add(kid);
    }

    internal sealed record Kid(int Page, int Mcid, int? Annotation);
}

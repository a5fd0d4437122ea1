namespace Asan.Briefs.PrintMarkup;

/// <summary>
/// The one dispatch over the print block kinds, shared by the paged writers (the PDF flow and the
/// Word body), as Markdig gives each object type its renderer: a new block kind is a new abstract
/// method here, so no writer can silently skip it.
/// </summary>
public abstract class PrintBlockVisitor<TContext>
{
    protected void Visit(PrintBlock block, TContext ctx)
    {
        switch (block)
        {
            case PrintParagraph paragraph: VisitParagraph(paragraph, ctx); break;
            case PrintHeading heading: VisitHeading(heading, ctx); break;
            case PrintList list: VisitList(list, ctx); break;
            case PrintQuote quote: VisitQuote(quote, ctx); break;
            case PrintGroup group: VisitGroup(group, ctx); break;
            case PrintFigure figure: VisitFigure(figure, ctx); break;
            case PrintTable table: VisitTable(table, ctx); break;
            case PrintRule rule: VisitRule(rule, ctx); break;
            case PrintSpacer spacer: VisitSpacer(spacer, ctx); break;
            case PrintPageBreak pageBreak: VisitPageBreak(pageBreak, ctx); break;
            case PrintContents contents: VisitContents(contents, ctx); break;
            default: throw new InvalidOperationException($"no writer rule for the print block {block.GetType().Name}");
        }
    }

    protected abstract void VisitParagraph(PrintParagraph paragraph, TContext ctx);
    protected abstract void VisitHeading(PrintHeading heading, TContext ctx);
    protected abstract void VisitList(PrintList list, TContext ctx);
    protected abstract void VisitQuote(PrintQuote quote, TContext ctx);
    protected abstract void VisitGroup(PrintGroup group, TContext ctx);
    protected abstract void VisitFigure(PrintFigure figure, TContext ctx);
    protected abstract void VisitTable(PrintTable table, TContext ctx);
    protected abstract void VisitRule(PrintRule rule, TContext ctx);
    protected abstract void VisitSpacer(PrintSpacer spacer, TContext ctx);
    protected abstract void VisitPageBreak(PrintPageBreak pageBreak, TContext ctx);
    protected abstract void VisitContents(PrintContents contents, TContext ctx);
}

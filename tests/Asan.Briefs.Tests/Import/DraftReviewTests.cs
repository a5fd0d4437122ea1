using Asan.Briefs.Cli;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Asan.Briefs.Tests.Import;

/// <summary>A reviewer's comments and tracked changes, as Word writes them, through the import command on a copy of the feature tour.</summary>
public sealed class DraftReviewTests : FeatureTourCopy
{
    private string English => Body("en");

    private static readonly DateTime When = new(2026, 11, 30, 9, 15, 0, DateTimeKind.Utc);

    /// <summary>The English draft, saved as Word saves it (German style ids, split runs…), then edited.</summary>
    private string Draft(Action<MainDocumentPart> edit) => Draft("en", edit, WordSavedDraftTests.SavedByWord(RenderedEditions.Docx(Brief, "en")));

    [Fact]
    public void Comments_are_listed_with_author_date_text_and_block_and_change_nothing()
    {
        var before = English;
        var path = Draft(main =>
        {
            var comments = main.AddNewPart<WordprocessingCommentsPart>();
            comments.Comments = new Comments();
            void Comment(string id, string author, string text, Paragraph anchor)
            {
                comments.Comments.Append(new Comment(new Paragraph(new Run(new Text(text)))) { Id = id, Author = author, Initials = "R", Date = When });
                var runs = anchor.Elements<Run>().ToList();
                runs[0].InsertBeforeSelf(new CommentRangeStart { Id = id });
                runs[^1].InsertAfterSelf(new CommentRangeEnd { Id = id });
                anchor.Append(new Run(new RunProperties(new RunStyle { Val = "CommentReference" }), new CommentReference { Id = id }));
            }
            Comment("1", "Lee Reviewer", "Is this figure still current?", ParagraphWith(main, "Tables are simple grids"));
            Comment("2", "Park Editor", "Shorten this sentence.", ParagraphWith(main, "After the quotation, the text returns"));
        });
        Assert.Equal(CommandLine.Success, Import(path));
        var output = Out.Output.ReplaceLineEndings(" ");
        Assert.Contains("comment by Lee Reviewer (2026-11-30T09:15:00Z) in section 'tables': \"Tables are simple grids with a header row. Table 1…\": Is this figure still current?", output);
        Assert.Contains("comment by Park Editor (2026-11-30T09:15:00Z) in section 'quotes': \"After the quotation, the text returns to the full …\": Shorten this sentence.", output);
        Assert.Contains("no changes", output);
        Assert.Equal(before, English);
    }

    /// <summary>A deleted word, a deleted paragraph mark (two paragraphs joined) and a formatting change, each in its own block.</summary>
    private static void Review(MainDocumentPart main)
    {
        var first = ParagraphWith(main, "This brief is an example.");
        var run = first.Descendants<Run>().First(r => r.InnerText == "every ");
        var deleted = new DeletedRun(new Run(new DeletedText("every ") { Space = SpaceProcessingModeValues.Preserve }))
        { Id = "801", Author = "Kim Editor", Date = When };
        run.InsertBeforeSelf(deleted);
        run.Remove();

        var quote = ParagraphWith(main, "Neighbours do not choose each other");
        var pPr = quote.ParagraphProperties ??= new ParagraphProperties();
        pPr.ParagraphMarkRunProperties = new ParagraphMarkRunProperties(new Deleted { Id = "802", Author = "Choi Translator", Date = When });

        var formatted = ParagraphWith(main, "Tables are simple grids").Elements<Run>().First();
        formatted.RunProperties ??= new RunProperties();
        formatted.RunProperties.Append(new RunPropertiesChange(new PreviousRunProperties()) { Id = "803", Author = "Lee Reviewer", Date = When });
    }

    [Fact]
    public void Tracked_changes_are_refused_with_author_date_text_and_block_then_accepted()
    {
        var before = English;
        Assert.Equal(CommandLine.InvalidInput, Import(Draft(Review)));
        var errors = Err.Output.ReplaceLineEndings(" ");
        Assert.Contains("tracked deletion by Kim Editor (2026-11-30T09:15:00Z) in section 'introduction', paragraph ", errors);
        Assert.Contains(": \"every \"", errors);
        Assert.Contains("tracked paragraph join by Choi Translator (2026-11-30T09:15:00Z) in section 'quotes', paragraph ", errors);
        Assert.Contains("tracked formatting by Lee Reviewer (2026-11-30T09:15:00Z) in section 'tables', paragraph ", errors);
        Assert.Contains("3 tracked change(s) are not resolved", errors);
        Assert.Equal(before, English);

        Assert.Equal(CommandLine.Success, Import(Draft(Review), accept: true));
        Assert.Contains("accepted 3 tracked change(s)", Out.Output);
        var expected = before
            .Replace("It gathers every feature", "It gathers feature", StringComparison.Ordinal)
            .Replace("outlasts the next disagreement.\n>\n> Trust", "outlasts the next disagreement. Trust", StringComparison.Ordinal);
        Assert.Equal(expected, English);
    }
}

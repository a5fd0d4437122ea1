namespace Asan.Briefs.Theming;

public enum TextAlign { Justify, Left, Center, Right }

/// <summary>A theme style resolved for one language: every value set, lengths in points, colours as #rrggbb.</summary>
public sealed record ParagraphStyle(
    string Name,
    string FontRole,
    bool Bold,
    bool Italic,
    double Size,
    double LineHeight,
    string Color,
    TextAlign Align,
    double SpaceBefore,
    double SpaceAfter,
    double IndentLeft,
    double IndentFirst,
    bool KeepWithNext,
    double RuleBelow,
    string RuleColor,
    double Tracking);
